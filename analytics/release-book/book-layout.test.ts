import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/open";
import {
  handAgency,
  insertAgencies,
  insertReports,
  randomSource,
  yearOfReports,
} from "../../tests/support/book-dataset";
import { createTestDatabase } from "../../tests/support/test-database";
import { readYearCounts } from "./book-counts";
import {
  CELL,
  cellIndex,
  cellKey,
  latestClosedQuarter,
  MATRIX_CELLS,
  nextQuarter,
  periodRelations,
} from "./book-layout";
import { quarterOf } from "../../domain/period";

let database: OpenDatabase;
const agency = handAgency("west", "CA", "100-499");
beforeAll(async () => {
  database = await createTestDatabase();
  await insertAgencies(database.db, [agency]);
  await insertReports(
    database.db,
    yearOfReports(randomSource(5), [{ agency, perQuarter: 30 }], 2024, {
      unlinkedPerRegion: 20,
      regions: ["west", "northeast"],
    }),
  );
});
afterAll(async () => {
  await database.close();
});

describe("the book's tables", () => {
  it("name every cell once", () => {
    const keys = Array.from({ length: MATRIX_CELLS }, (_, i) => cellKey(i));
    expect(new Set(keys).size).toBe(MATRIX_CELLS);
    for (const [i, key] of keys.entries()) expect(cellIndex(key)).toBe(i);
    expect(cellKey(CELL.total)).toBe("n");
    expect(cellIndex("f:not_a_factor")).toBeUndefined();
  });

  it("write down relations that every set of published reports satisfies (counts of real reports)", async () => {
    const counts = await readYearCounts(database.db, 2024);
    const tables = [
      ...counts.national.values(),
      ...counts.linkedByRegion.values(),
      counts.byAgency.get(agency.id)!.linked,
      counts.byAgency.get(agency.id)!.shared,
    ].flat();
    let checked = 0;
    for (const cells of tables) {
      for (const r of periodRelations(true)) {
        const value = r.terms.reduce((sum, t) => sum + t.coef * cells[t.cell]!, 0);
        expect(value).toBeGreaterThanOrEqual(r.lower);
        expect(value).toBeLessThanOrEqual(r.upper);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // The national count is the regions' sum, and an agency's shared reports are among its linked ones.
    const own = counts.byAgency.get(agency.id)!;
    for (let q = 0; q < 4; q++)
      for (let x = 0; x < MATRIX_CELLS; x++) expect(own.shared[q]![x]!).toBeLessThanOrEqual(own.linked[q]![x]!);
  });

  it("release only quarters that have ended", () => {
    expect(latestClosedQuarter("2026-12-05")).toBe("2026-Q3");
    expect(latestClosedQuarter("2026-10-01")).toBe("2026-Q3");
    expect(latestClosedQuarter("2026-09-30")).toBe("2026-Q2");
    expect(latestClosedQuarter("2027-01-01")).toBe("2026-Q4");
    expect(quarterOf(2026 * 12 + 11)).toBe("2026-Q4");
    expect(nextQuarter("2026-Q4")).toBe("2027-Q1");
  });
});
