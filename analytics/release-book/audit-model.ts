// The linear program the audit solves for one agency's year: withheld cells are the unknowns, released
// cells constants, the group's relations rows, the public figures bounds.
import type { Polytope, Row } from "./lp-ranges";
import type { GroupStatus } from "./audit";
import {
  auditedPopulations,
  cellId,
  cellsIn,
  type groupRelations,
  knownOf,
  type PeriodData,
  refOf,
  unknownOf,
} from "./year-group";

export interface Built {
  polytope: Polytope;
  /** Group cell id of each variable. */
  varIds: number[];
  varOf: Map<number, number>;
  /** Per row: the released cells of new periods in it (complement candidates). */
  rowCandidates: number[][];
  /** Per variable: the rows it appears in, and its coefficient in each. */
  rowsOfVar: number[][];
  coefsOfVar: number[][];
  /** The unknowns' true values (a feasible point: the truth satisfies every relation). */
  truth: Float64Array;
}

/**
 * The linear program of a group: withheld cells are variables (their unknown part), released ones
 * constants. With `fixAgency`, every agency cell is taken at its shared part (no count-only reports):
 * when nothing of the agency is released, that is where its peers' figures are least constrained, so
 * their ranges are exactly those of the whole problem.
 */
export function buildModel(
  periods: readonly PeriodData[],
  status: GroupStatus,
  relations: ReturnType<typeof groupRelations>,
  fixAgency = false,
): Built {
  const varIds: number[] = [];
  const varOf = new Map<number, number>();
  const lower: number[] = [];
  const upper: number[] = [];
  periods.forEach((data, p) => {
    for (const population of auditedPopulations) {
      const n = cellsIn(data, population);
      for (let x = 0; x < n; x++) {
        if (status[p]![population][x] === null || (fixAgency && population === "agency")) continue;
        const id = cellId({ period: p, population, cell: x });
        varOf.set(id, varIds.push(id) - 1);
        lower.push(0);
        upper.push(knownOf(data, population, x).upper);
      }
    }
  });
  const rows: Row[] = [];
  const rowCandidates: number[][] = [];
  const rowsOfVar: number[][] = varIds.map(() => []);
  const coefsOfVar: number[][] = varIds.map(() => []);
  for (const r of relations) {
    const cols: number[] = [];
    const coefs: number[] = [];
    const candidates: number[] = [];
    let constant = 0;
    for (const { id, coef, form } of r.terms) {
      const ref = refOf(id);
      const data = periods[ref.period]!;
      const known = knownOf(data, ref.population, ref.cell);
      // The cell as the form reads it: counted = shared + u, countOnly = u, rest = national − shared − u,
      // peer = u, where u is the unknown (fixed at its truth when released, at 0 with fixAgency).
      const offset = form === "counted" ? known.shared : form === "rest" ? data.national[ref.cell]! - known.shared : 0;
      const sign = form === "rest" ? -1 : 1;
      constant += coef * offset;
      const v = varOf.get(id);
      if (fixAgency && ref.population === "agency") continue;
      if (v === undefined) {
        constant += coef * sign * unknownOf(data, ref.population, ref.cell);
        // A released cell whose public range is empty protects nothing when withheld.
        if (!data.frozen && known.upper > 0) candidates.push(id);
      } else {
        const at = cols.indexOf(v);
        if (at >= 0) coefs[at]! += coef * sign;
        else {
          cols.push(v);
          coefs.push(coef * sign);
        }
      }
    }
    if (cols.length === 0) continue;
    const row = rows.push({ cols, coefs, lower: r.lower - constant, upper: r.upper - constant }) - 1;
    rowCandidates.push(candidates);
    cols.forEach((c, i) => {
      rowsOfVar[c]!.push(row);
      coefsOfVar[c]!.push(coefs[i]!);
    });
  }
  const truth = Float64Array.from(varIds, (id) => {
    const ref = refOf(id);
    return unknownOf(periods[ref.period]!, ref.population, ref.cell);
  });
  return {
    polytope: { lower: Float64Array.from(lower), upper: Float64Array.from(upper), rows },
    varIds,
    varOf,
    rowCandidates,
    rowsOfVar,
    coefsOfVar,
    truth,
  };
}
