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
import type { GroupStatus } from "./audit";
import { buildModel } from "./audit-model";
import { readYearCounts } from "./book-counts";
import { cellKey } from "./book-layout";
import { RangeSolver } from "./lp-ranges";
import { certifiedWidth } from "./moves";
import { periodDataFor } from "./period-data";
import { auditedPopulations, cellsIn, groupRelations, type PeriodData, refOf } from "./year-group";

// The moves only spare the audit some linear programs: a move must never claim a range wider than the
// linear program finds, or a pinned cell would go unaudited. Checked on random years of data and random
// sets of withheld cells against HiGHS on the same model.
let database: OpenDatabase;
const big = handAgency("midwest", "IL", "500+");
const mid = handAgency("midwest", "IL", "100-499");
const small = handAgency("midwest", "IN", "1-24");
const nearMinimum = handAgency("midwest", "WI", "100-499");
const peers = [
  handAgency("midwest", "OH", "500+"),
  handAgency("midwest", "MI", "100-499"),
  handAgency("south", "TX", "500+"),
  handAgency("south", "GA", "1-24"),
];

beforeAll(async () => {
  database = await createTestDatabase();
  await insertAgencies(database.db, [big, mid, small, nearMinimum, ...peers]);
  await insertReports(
    database.db,
    yearOfReports(
      randomSource(20261205),
      [
        { agency: big, perQuarter: 70 },
        { agency: mid, perQuarter: 12 },
        { agency: small, perQuarter: 2 },
        { agency: nearMinimum, perQuarter: 8 },
        ...peers.map((agency) => ({ agency, perQuarter: 25 })),
      ],
      2025,
      { unlinkedPerRegion: 60, regions: ["midwest", "south"] },
    ),
  );
});
afterAll(async () => {
  await database.close();
});

function randomStatus(
  periods: readonly PeriodData[],
  random: () => number,
  withheldShare: number,
  closed: boolean,
): GroupStatus {
  return periods.map((d) =>
    Object.fromEntries(
      auditedPopulations.map((population) => [
        population,
        Array.from({ length: cellsIn(d, population) }, () =>
          (closed && population === "agency") || random() < withheldShare ? ("below_k" as const) : null,
        ),
      ]),
    ),
  ) as GroupStatus;
}

async function check(agency: typeof big, share: number, closed: boolean, seed: number): Promise<number> {
  const counts = await readYearCounts(database.db, 2025);
  const plan = [...counts.quarters.map((period) => ({ period, frozen: false })), { period: "2025", frozen: false }];
  const periods = periodDataFor(counts, agency, plan, { k: 5, agencyMinReports: 10 });
  const random = randomSource(seed);
  let claimed = 0;
  for (let round = 0; round < 3; round++) {
    const status = randomStatus(periods, random, share, closed);
    const built = buildModel(periods, status, groupRelations(periods));
    const solver = await RangeSolver.create(built.polytope);
    try {
      for (const [v, id] of built.varIds.entries()) {
        const width = certifiedWidth(built, periods, status, v, 1000);
        if (width === 0) continue;
        claimed++;
        const ref = refOf(id);
        const range = solver.bound("max", [v], [1]).value - solver.bound("min", [v], [1]).value;
        expect(width, `${periods[ref.period]!.period} ${ref.population} ${cellKey(ref.cell)}`).toBeLessThanOrEqual(
          range + 1e-6,
        );
      }
    } finally {
      solver.dispose();
    }
  }
  return claimed;
}

describe("feasible moves never claim more than the linear program allows", () => {
  it("a large agency with half its cells withheld", async () => {
    expect(await check(big, 0.5, false, 7)).toBeGreaterThan(50);
  });
  it("a mid-size agency with most of its cells withheld", async () => {
    expect(await check(mid, 0.8, false, 9)).toBeGreaterThan(50);
  });
  it("an agency with nothing of its own released", async () => {
    expect(await check(small, 0.3, true, 11)).toBeGreaterThan(50);
  });
  it("an agency below the minimum whose peers are released: a year cell held by its peers", async () => {
    expect(await check(nearMinimum, 0, true, 13)).toBeGreaterThan(50);
  });
});
