import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { libraryHeaders } from "../../db/library/library-export";
import type { AppContext } from "../../app/load-context";
import { loader as libraryExport } from "../../app/routes/reports_.export.$file";
import { findReports } from "../../db/library/explore-reports";
import { emptyFilters } from "../../domain/library-query";
import { rebuildSearchIndex } from "../../db/library/search-index";
import type { OpenDatabase } from "../../db/open";
import { seedSyntheticData } from "../../db/synthetic/seed";
import { readCsv, readXlsx } from "../support/export-files";
import { createTestUser, getAs, signInTestUser, type SignedInTestUser } from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";

// The report library's downloads: the page's results in the page's order, published fields only, the
// agency scope from the session, formula injection neutralised, a cap on concurrent long exports.

let database: OpenDatabase;
let context: AppContext;
let trainerA: SignedInTestUser;
let agencyA: string;
let agencyB: string;
let planted: string;

const EVIL = {
  title: '=HYPERLINK("http://example.test/x","Click")',
  summary: "+cmd|' /C calc'!A0 and then the rest of the narrative.",
  lessons: "@SUM(1+1)*cmd|' /C calc'!A0",
};

async function get(url: string, file: string, who: SignedInTestUser | null = null): Promise<Response> {
  try {
    return await (libraryExport as unknown as (a: object) => Promise<Response>)({
      request: getAs(url, who),
      params: { file },
      context,
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

beforeAll(async () => {
  database = await createTestDatabase();
  await seedSyntheticData(database.instance, database.db, { reports: 1500, seed: 7, agencies: 20 });
  const shared = await sql<{ agency_id: string; n: number }>`
    SELECT agency_id::VARCHAR AS agency_id, count(*) AS n FROM report_protected WHERE consent_level = 'agency_share'
      AND agency_id IS NOT NULL
    GROUP BY 1 ORDER BY n DESC, 1 LIMIT 2`.execute(database.db);
  [agencyA, agencyB] = shared.rows.map((r) => r.agency_id) as [string, string];
  planted = (
    await sql<{ n: string }>`SELECT public_number AS n FROM reports ORDER BY public_number LIMIT 1`.execute(database.db)
  ).rows[0]!.n;
  await sql`UPDATE reports SET title = ${EVIL.title}, summary = ${EVIL.summary}, lessons = ${EVIL.lessons}
      WHERE public_number = ${planted}`.execute(database.db);
  await rebuildSearchIndex(database.db);
  context = createTestContext(database);
  trainerA = await signInTestUser(
    database.db,
    await createTestUser(database.db, "agency_trainer", { agencyId: agencyA }),
  );
});
afterAll(async () => {
  await database?.close();
});

describe("library downloads", () => {
  it("hold the page's results in the page's order, every page of them, published fields only", async () => {
    const query = "?factor=hc_low_light&sort=event&dir=asc";
    const csv = readCsv(await bytes(await get(`/reports/export/reports.csv${query}`, "reports.csv")));
    expect(csv.headers).toEqual(libraryHeaders({ narratives: false }));
    const filters = { ...emptyFilters, factors: ["hc_low_light"] };
    const page = await findReports(
      database.db,
      filters,
      { column: "event", descending: false },
      { page: 1, size: 100 },
      { agencyId: null },
    );
    expect(csv.rows.length).toBe(page.total);
    expect(csv.rows.slice(0, 100).map((r) => r[0])).toEqual(page.rows.map((r) => r.publicNumber));
    expect(csv.rows.every((r) => r[3]!.includes("Low light / darkness"))).toBe(true);
    // Each row links to its report's page, in both formats.
    const link = csv.headers.indexOf("Link");
    expect(link).toBeGreaterThan(0);
    expect(csv.rows.every((r) => r[link] === `/reports/${r[0]}`)).toBe(true);
    const book = await readXlsx(await bytes(await get(`/reports/export/reports.xlsx${query}`, "reports.xlsx")));
    expect(book.sheets[0]!.rows.slice(1, 50).every((r) => r[link] === `/reports/${r[0]}`)).toBe(true);
    // Nothing protected: no agency name or state appears anywhere in the file.
    const text = (
      await bytes(await get(`/reports/export/reports-with-narratives.csv`, "reports-with-narratives.csv"))
    ).toString("utf8");
    const agencies = await database.db.selectFrom("agencies").select("name").execute();
    for (const a of agencies) expect(text).not.toContain(a.name);
  });

  it("neutralise cells that a spreadsheet would run as formulas (=, +, -, @, tab, CR), in CSV and XLSX", async () => {
    const csv = readCsv(
      await bytes(await get(`/reports/export/reports-with-narratives.csv`, "reports-with-narratives.csv")),
    );
    const row = csv.rows.find((r) => r[0] === planted)!;
    expect(row[1]).toBe(`'${EVIL.title}`);
    expect(row.at(-2)).toBe(`'${EVIL.summary}`);
    expect(row.at(-1)).toBe(`'${EVIL.lessons}`);
    const dangerous = /^[=+\-@\t\r]/;
    expect(csv.rows.flat().filter((c) => dangerous.test(c))).toEqual([]);
    const book = await readXlsx(
      await bytes(await get(`/reports/export/reports-with-narratives.xlsx`, "reports-with-narratives.xlsx")),
    );
    const sheetRow = book.sheets[0]!.rows.find((r) => r[0] === planted)!;
    expect([sheetRow[1], sheetRow.at(-2), sheetRow.at(-1)]).toEqual([
      `'${EVIL.title}`,
      `'${EVIL.summary}`,
      `'${EVIL.lessons}`,
    ]);
    expect(book.sheets[0]!.rows.flat().filter((c) => dangerous.test(c))).toEqual([]);
  });

  it("“shared with my agency” takes the agency from the session: A's trainer gets A's reports, not B's", async () => {
    const ofAgency = async (agency: string) =>
      new Set(
        (
          await sql<{ n: string }>`
      SELECT r.public_number AS n FROM reports r JOIN report_protected p ON p.report_id = r.id
      WHERE p.consent_level = 'agency_share' AND p.agency_id = ${agency}::UUID`.execute(database.db)
        ).rows.map((r) => r.n),
      );
    const mineA = await ofAgency(agencyA);
    const mineB = await ofAgency(agencyB);
    const csv = readCsv(await bytes(await get(`/reports/export/reports.csv?mine=1`, "reports.csv", trainerA)));
    expect(new Set(csv.rows.map((r) => r[0]))).toEqual(mineA);
    expect(csv.rows.some((r) => mineB.has(r[0]!))).toBe(false);
    // An agency in the URL is never used (the page ignores unknown parameters; so does its download).
    const withParam = readCsv(
      await bytes(
        await get(`/reports/export/reports.csv?mine=1&agency=${agencyB}&agencyId=${agencyB}`, "reports.csv", trainerA),
      ),
    );
    expect(withParam.rows).toEqual(csv.rows);
    // Signed out, "mine" cannot mean anyone's agency: the file lists all reports and says so.
    const anonymous = readCsv(await bytes(await get(`/reports/export/reports.csv?mine=1`, "reports.csv")));
    expect(anonymous.rows.length).toBe(1500);
    expect(anonymous.meta.some(([k, v]) => k === "Note" && v.includes("needs an agency account"))).toBe(true);
  });

  it("runs at most two long exports at once and frees the slot when a download ends or is cancelled", async () => {
    const first = await get(`/reports/export/reports.csv`, "reports.csv");
    const second = await get(`/reports/export/reports.csv`, "reports.csv");
    const third = await get(`/reports/export/reports.csv`, "reports.csv");
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(third.headers.get("Retry-After")).toBe("60");
    await first.body!.cancel();
    await bytes(second);
    // The slot is freed when the stream closes, which may wait for a database read in flight.
    const fourth = await vi.waitFor(
      async () => {
        const answer = await get(`/reports/export/reports.csv`, "reports.csv");
        if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
        return answer;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(fourth.status).toBe(200);
    await bytes(fourth);
  });

  it("is audited for signed-in readers, and names an unknown file or bad filter", async () => {
    await bytes(await get(`/reports/export/reports.xlsx?type=traffic_stop`, "reports.xlsx", trainerA));
    const entry = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("actor_user_id", "=", trainerA.id)
      .where("action", "=", "export.created")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.target_id).toBe("library/reports.xlsx");
    expect((await get(`/reports/export/secrets.csv`, "secrets.csv")).status).toBe(404);
    const bad = await get(`/reports/export/reports.csv?loss=catastrophic`, "reports.csv");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("is not a known loss potential");
  });
});
