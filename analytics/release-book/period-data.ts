// From a year's raw counts to what the audit solves for one agency: its cells, its members' shared part,
// its two peer groups without it, the public national and regional figures and the gates (docs/design.md §6.1
// minimums) of each period of the year released so far.
import { type Cells, emptyCells, nationalCells, type YearCounts } from "./book-counts";
import { CELL, MATRIX_MIN_REPORTS_PER_K, type PeriodLabel } from "./book-layout";
import { type AuditedPopulation, type PeriodData, type Status, sumCells } from "./year-group";

export interface BookAgency {
  id: string;
  sizeBand: string;
  region: string;
}

export interface PrivacyMinimums {
  k: number;
  agencyMinReports: number;
}

/**
 * Count-only reports an agency needs in a period for its own tables: the configured minimum
 * (docs/design.md §6.1: 30), and more than k. It counts the reports its members cannot read (a table closed by it tells
 * them there are fewer, which must leave at least k of room), so it never opens on shared reports alone.
 */
export function agencyMinimum(rules: PrivacyMinimums): number {
  return Math.max(rules.agencyMinReports, rules.k + 1);
}

/** A peer group is shown with at least this many other agencies in the period (docs/design.md §6.1). */
export const PEER_MIN_OTHER_AGENCIES = 3;

export interface PeriodPlan {
  period: PeriodLabel;
  frozen: boolean;
  status?: Record<AuditedPopulation, Status[]>;
}

function minus(a: Cells, b: Cells): Cells {
  const out = emptyCells();
  for (let i = 0; i < out.length; i++) out[i] = a[i]! - b[i]!;
  return out;
}

const unions = new WeakMap<object, Map<string, Set<string>>>();
/** Other agencies with reports in the quarters (the union is computed once per year and group). */
function othersIn(sets: Set<string>[] | undefined, quarters: number[], self: string): number {
  if (!sets) return 0;
  let cache = unions.get(sets);
  if (!cache) unions.set(sets, (cache = new Map()));
  const key = quarters.join(",");
  let all = cache.get(key);
  if (!all) {
    all = new Set<string>();
    for (const q of quarters) for (const id of sets[q] ?? []) all.add(id);
    cache.set(key, all);
  }
  return all.size - (all.has(self) ? 1 : 0);
}

/** The audit's input for one agency and the given periods of `counts.year` (quarters, then the year). */
export function periodDataFor(
  counts: YearCounts,
  agency: BookAgency,
  plan: readonly PeriodPlan[],
  rules: PrivacyMinimums,
): PeriodData[] {
  const nation = nationalCells(counts);
  const zero = emptyCells();
  const own = counts.byAgency.get(agency.id);
  const regionLinked = counts.linkedByRegion.get(agency.region);
  const bandLinked = counts.linkedByBand.get(agency.sizeBand);
  const regional = counts.national.get(agency.region);
  const sum = (list: Cells[] | undefined, quarters: number[]) => sumCells(quarters.map((q) => list?.[q] ?? zero));
  return plan.map(({ period, frozen, status }) => {
    const quarters = period.includes("Q") ? [Number(period.slice(-1)) - 1] : [0, 1, 2, 3];
    const linked = sum(own?.linked, quarters);
    const shared = sum(own?.shared, quarters);
    const inBand = sum(own?.bandCells.get(agency.sizeBand), quarters);
    const peerSize = minus(sum(bandLinked, quarters), inBand);
    const peerRegion = minus(sum(regionLinked, quarters), linked);
    const reg = sum(regional, quarters);
    const minimum = agencyMinimum(rules);
    const countOnly = linked[CELL.total]! - shared[CELL.total]!;
    return {
      period,
      frozen,
      status,
      agencyMinimum: minimum,
      agency: linked,
      shared,
      peerSize,
      peerRegion,
      national: sum(nation, quarters),
      regional: reg,
      regionalUnlinked: minus(reg, sum(regionLinked, quarters)),
      gates: {
        agency: countOnly >= minimum,
        matrix: countOnly >= minimum && linked[CELL.total]! >= MATRIX_MIN_REPORTS_PER_K * rules.k,
        peerSize:
          othersIn(counts.agenciesByBand.get(agency.sizeBand), quarters, agency.id) >= PEER_MIN_OTHER_AGENCIES &&
          peerSize[CELL.total]! >= rules.k,
        peerRegion:
          othersIn(counts.agenciesByRegion.get(agency.region), quarters, agency.id) >= PEER_MIN_OTHER_AGENCIES &&
          peerRegion[CELL.total]! >= rules.k,
      },
    };
  });
}
