import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/open";
import { handAgency, insertAgencies, insertReports, randomSource, yearOfReports } from "../../tests/support/book-dataset";
import { createTestDatabase } from "../../tests/support/test-database";
import { type GroupStatus } from "./audit";
import { buildModel } from "./audit-model";
import { readYearCounts } from "./book-counts";
import { cellKey } from "./book-layout";
import { closedAgencyRaise } from "./closed-agency-bounds";
import { RangeSolver } from "./lp-ranges";
import { matrixShift, peerWidth, quarterShift } from "./moves";
import { periodDataFor } from "./period-data";
import { auditedPopulations, cellsIn, groupRelations, knownOf, type PeriodData, refOf, unknownOf } from "./year-group";

// The moves only spare the audit some linear programs: a move must never claim a range wider than the
// linear program finds, or a pinned cell would go unaudited. Checked on random years of data and random
// sets of withheld cells against HiGHS on the whole problem.
let database: OpenDatabase;
const big = handAgency("midwest", "IL", "500+");
const mid = handAgency("midwest", "IL", "100-499");
const small = handAgency("midwest", "IN", "1-24");
const peers = [handAgency("midwest", "OH", "500+"), handAgency("midwest", "MI", "100-499"), handAgency("south", "TX", "500+"), handAgency("south", "GA", "1-24")];

beforeAll(async () => {
  database = await createTestDatabase();
  await insertAgencies(database.db, [big, mid, small, ...peers]);
  const random = randomSource(20261205);
  await insertReports(database.db, yearOfReports(random, [
    { agency: big, perQuarter: 70 }, { agency: mid, perQuarter: 12 }, { agency: small, perQuarter: 2 },
    ...peers.map((agency) => ({ agency, perQuarter: 25 })),
  ], 2025, { unlinkedPerRegion: 60, regions: ["midwest", "south"] }));
});
afterAll(async () => {
  await database.close();
});

function randomStatus(periods: readonly PeriodData[], random: () => number, withheldShare: number, closed: boolean): GroupStatus {
  return periods.map((d) => Object.fromEntries(auditedPopulations.map((population) => [
    population,
    Array.from({ length: cellsIn(d, population) }, () => (closed && population === "agency") || random() < withheldShare ? "below_k" as const : null),
  ]))) as GroupStatus;
}

async function ranges(periods: readonly PeriodData[], status: GroupStatus) {
  const built = buildModel(periods, status, groupRelations(periods));
  const solver = await RangeSolver.create(built.polytope);
  try {
    return { built, range: (v: number) => solver.bound("max", [v], [1]).value - solver.bound("min", [v], [1]).value, max: (v: number) => solver.bound("max", [v], [1]).value };
  } catch (error) {
    solver.dispose();
    throw error;
  }
}

describe("feasible moves never claim more than the linear program allows", () => {
  for (const [label, agency, share] of [["large agency", big, 0.5], ["mid-size agency", mid, 0.7]] as const) {
    it(`${label}: quarter shifts, matrix shifts and peer trades`, async () => {
      const counts = await readYearCounts(database.db, 2025);
      const plan = [...counts.quarters.map((period) => ({ period, frozen: false })), { period: "2025", frozen: false }];
      const periods = periodDataFor(counts, agency, plan, { k: 5, agencyMinReports: 10 });
      const random = randomSource(7);
      let checked = 0;
      for (let round = 0; round < 3; round++) {
        const status = randomStatus(periods, random, share, false);
        const { built, range } = await ranges(periods, status);
        for (const [v, id] of built.varIds.entries()) {
          const ref = refOf(id);
          const d = periods[ref.period]!;
          let claimed = 0;
          if (ref.population === "agency") {
            claimed = d.period.includes("Q") ? quarterShift(periods, status, ref) : matrixShift(d, status[ref.period]!, ref.cell);
          } else {
            const withheld = Uint8Array.from(status[ref.period]![ref.population], (s) => (s === null ? 0 : 1));
            const population = ref.population;
            claimed = peerWidth(d, withheld, population, ref.cell, (x) => knownOf(d, population, x).upper);
          }
          if (claimed === 0) continue;
          const width = range(v);
          checked++;
          expect(claimed, `${d.period} ${ref.population} ${cellKey(ref.cell)}`).toBeLessThanOrEqual(width + 1e-6);
        }
      }
      expect(checked).toBeGreaterThan(20);
    });
  }

  it("an agency with nothing released: its cells can rise as far as the raise says", async () => {
    const counts = await readYearCounts(database.db, 2025);
    const plan = [...counts.quarters.map((period) => ({ period, frozen: false })), { period: "2025", frozen: false }];
    const periods = periodDataFor(counts, small, plan, { k: 5, agencyMinReports: 10 });
    const status = randomStatus(periods, randomSource(11), 0.3, true);
    const { built, max } = await ranges(periods, status);
    let checked = 0;
    for (const [v, id] of built.varIds.entries()) {
      const ref = refOf(id);
      if (ref.population !== "agency") continue;
      const d = periods[ref.period]!;
      const raise = closedAgencyRaise(periods, ref, 1000);
      checked++;
      expect(unknownOf(d, "agency", ref.cell) + raise, `${d.period} ${cellKey(ref.cell)}`).toBeLessThanOrEqual(max(v) + 1e-6);
    }
    expect(checked).toBeGreaterThan(100);
  });
});
