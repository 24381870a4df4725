import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaveProgramme } from "../../db/accounts/agency-scope";
import type { OpenDatabase } from "../../db/open";
import {
  handAgency,
  insertAgencies,
  insertReports,
  randomSource,
  yearOfReports,
} from "../../tests/support/book-dataset";
import { createTestUser } from "../../tests/support/test-accounts";
import { createTestDatabase } from "../../tests/support/test-database";
import { CELL, cellIndex } from "./book-layout";
import { readBookTables } from "./book-store";
import { readAgencyBook } from "./read-book";
import { releaseBook } from "./release-job";

// The release job: closed quarters only, frozen once released, the year with its fourth quarter, the
// primary rule on what members cannot already see, and an agency leaving taking its book with it.
let database: OpenDatabase;
const k = 5;
const rules = { k, agencyMinReports: 20 };
const big = handAgency("midwest", "IL", "500+");
const small = handAgency("midwest", "IN", "1-24");
const others = [
  handAgency("midwest", "OH", "500+"),
  handAgency("midwest", "MI", "500+"),
  handAgency("south", "TX", "500+"),
];

beforeAll(async () => {
  database = await createTestDatabase();
  await insertAgencies(database.db, [big, small, ...others]);
  await insertReports(
    database.db,
    yearOfReports(
      randomSource(3),
      [
        { agency: big, perQuarter: 45 },
        { agency: small, perQuarter: 2 },
        ...others.map((agency) => ({ agency, perQuarter: 15 })),
      ],
      2025,
      { unlinkedPerRegion: 40, regions: ["midwest", "south"] },
    ),
  );
  await sql`INSERT INTO app_meta (key, value) VALUES ('release_book_first_quarter', '2025-Q1')`.execute(database.db);
});
afterAll(async () => {
  await database.close();
});

const countOnly = async (agencyId: string, period: string) => {
  const quarter = period.includes("Q") ? Number(period.slice(-1)) : null;
  const { rows } = await sql<{ incident: string; factor: string; shared: boolean; n: number }>`
    SELECT r.incident_type AS incident, f.factor_code AS factor, p.consent_level = 'agency_share' AS shared,
      count(DISTINCT r.id)::INTEGER AS n
    FROM reports r JOIN report_protected p ON p.report_id = r.id JOIN report_factors f ON f.report_id = r.id
    WHERE p.agency_id = ${agencyId}::UUID AND year(r.published_month) = 2025
      AND (${quarter}::INTEGER IS NULL OR (month(r.published_month) - 1) // 3 + 1 = ${quarter}::INTEGER)
    GROUP BY ALL`.execute(database.db);
  return rows;
};

describe("the release job", () => {
  it("releases closed quarters only", async () => {
    await expect(releaseBook(database.db, { today: "2025-11-15", rules, upTo: "2025-Q4" })).rejects.toThrow(
      /has not closed yet: the latest closed quarter is 2025-Q3/,
    );
    await expect(releaseBook(database.db, { today: "2025-11-15", rules, upTo: "2025-13" })).rejects.toThrow(
      /not a quarter/,
    );
  });

  it("freezes each quarter; the year comes with the fourth quarter; a second run releases nothing", async () => {
    await releaseBook(database.db, { today: "2026-02-01", rules, upTo: "2025-Q1" });
    const first = (await readBookTables(database.db, big.id)).filter((t) => t.period === "2025-Q1");
    expect(first.map((t) => t.population).sort()).toEqual(["agency", "rest"]);
    for (const q of ["2025-Q2", "2025-Q3"]) await releaseBook(database.db, { today: "2026-02-01", rules, upTo: q });
    expect((await readAgencyBook(database.db, big.id)).years).toEqual([]);
    const summary = await releaseBook(database.db, { today: "2026-02-01", rules });
    expect(summary.upTo).toBe("2025-Q4");
    const book = await readAgencyBook(database.db, big.id);
    expect(book.years).toEqual(["2025"]);
    expect(book.quarters).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    const later = (await readBookTables(database.db, big.id)).filter((t) => t.period === "2025-Q1");
    expect(later).toEqual(first);
    expect((await releaseBook(database.db, { today: "2026-02-01", rules })).releases).toBe(0);
    // Peers are by year only.
    expect(book.cell("2025-Q1", "peer_size", "n")).toBeNull();
    expect(book.cell("2025", "peer_size", "n")).not.toBeNull();
  });

  it("never releases an agency cell whose count-only part is 1..k−1, nor a peer cell of 1..k−1", async () => {
    const tables = await readBookTables(database.db, big.id);
    let released = 0;
    for (const table of tables.filter((t) => t.population === "agency")) {
      const truth = await countOnly(big.id, table.period);
      const byFactor = new Map<string, number>();
      for (const r of truth) if (!r.shared) byFactor.set(r.factor, (byFactor.get(r.factor) ?? 0) + r.n);
      for (const [factor, n] of byFactor) {
        const cell = table.cells[cellIndex(`f:${factor}`)!];
        if (typeof cell === "number") {
          released++;
          expect(n === 0 || n >= k, `${table.period} ${factor}: ${n} count-only`).toBe(true);
        }
      }
    }
    expect(released).toBeGreaterThan(5);
    for (const table of tables.filter((t) => t.population.startsWith("peer"))) {
      for (const cell of table.cells) if (typeof cell === "number") expect(cell === 0 || cell >= k).toBe(true);
    }
  });

  it("keeps an agency below the minimum to its peers: its own tables are withheld whole", async () => {
    const book = await readAgencyBook(database.db, small.id);
    for (const period of [...book.years, ...book.quarters]) {
      expect(book.cell(period, "agency", "n")).toEqual({ suppressed: true, reason: "agency_minimum" });
      expect(book.cell(period, "rest", "n")).toEqual({ suppressed: true, reason: "derived" });
    }
    expect(typeof book.cell("2025", "peer_region", "n")).toBe("number");
    expect(book.cell("2025", "agency", `if:traffic_stop:sa_lapse`)).toBeNull(); // no matrix below the minimum
    expect(CELL.total).toBe(0);
  });

  it("deletes the book of an agency that leaves the programme", async () => {
    const commander = await createTestUser(database.db, "agency_commander", { agencyId: big.id });
    await leaveProgramme(database.db, { id: commander.id, role: "agency_commander", agencyId: big.id } as never);
    expect(await readBookTables(database.db, big.id)).toEqual([]);
    expect((await readAgencyBook(database.db, big.id)).asOf).toBeNull();
  });
});
