// Suppression of one agency's year (DESIGN §6.1): primary suppression of the part of each cell the
// agency's members cannot already see, then an audit by linear programming of every withheld cell
// against everything released (this year's earlier releases included) and the public figures; a cell
// pinned to a range narrower than k (or than the public figures alone allow, when that is less) gets a
// complement among the new cells that limit it, and the audit runs again until none is.
import { closedAgencyRaise, singlePatternRaise } from "./closed-agency-bounds";
import { matrixShift, peerWidth, quarterShift } from "./moves";
import { type Built, buildModel } from "./audit-model";
import { type Polytope, RangeSolver } from "./lp-ranges";
import {
  type AuditedPopulation, auditedPopulations, cellId, cellsIn, complementCost, groupRelations, knownOf, type PeriodData, refOf,
  type Status, unknownOf,
} from "./year-group";

export interface AuditRules {
  k: number;
}

export interface AuditStats {
  lpSolves: number;
  rounds: number;
  primary: number;
  complements: number;
  /** Withheld cells pinned by earlier releases and public figures alone (none expected: reported if any). */
  unprotectable: number;
}

export type GroupStatus = Record<AuditedPopulation, Status[]>[];


/** Below this a bound is taken as reached: HiGHS's default feasibility tolerance is 1e-7. */
const EPS = 1e-6;

function primaryStatus(data: PeriodData, population: AuditedPopulation, cell: number, k: number): Status {
  if (population === "agency" && !data.gates.agency) return "agency_minimum";
  if (population === "peer_size" && !data.gates.peerSize) return "peer_group_too_small";
  if (population === "peer_region" && !data.gates.peerRegion) return "peer_group_too_small";
  const unknown = unknownOf(data, population, cell);
  return unknown > 0 && unknown < k ? "below_k" : null;
}

function initialStatus(periods: readonly PeriodData[], k: number): GroupStatus {
  return periods.map((data) => {
    if (data.frozen) {
      if (!data.status) throw new Error(`Period ${data.period} was released but its statuses are missing`);
      return { agency: [...data.status.agency], peer_size: [...data.status.peer_size], peer_region: [...data.status.peer_region] };
    }
    const out = {} as Record<AuditedPopulation, Status[]>;
    for (const population of auditedPopulations) {
      const n = cellsIn(data, population);
      out[population] = Array.from({ length: n }, (_, x) => primaryStatus(data, population, x, k));
    }
    return out;
  });
}

/** Required width of a withheld cell: k, or the public range when that is narrower (nothing can widen it). */
function requiredWidth(upper: number, k: number): number {
  return Math.min(k, upper);
}

/** Released new cells reachable from a variable through rows that share withheld cells (fallback candidates). */
function reachableCandidates(built: Built, start: number): number[] {
  const seenVars = new Set([start]);
  const seenRows = new Set<number>();
  const queue = [start];
  const out: number[] = [];
  while (queue.length) {
    const v = queue.pop()!;
    for (const r of built.rowsOfVar[v]!) {
      if (seenRows.has(r)) continue;
      seenRows.add(r);
      out.push(...built.rowCandidates[r]!);
      for (const c of built.polytope.rows[r]!.cols) {
        if (!seenVars.has(c)) {
          seenVars.add(c);
          queue.push(c);
        }
      }
    }
  }
  return out;
}

function cheapest(periods: readonly PeriodData[], ids: Iterable<number>, taken: Set<number>): number | undefined {
  let best: number | undefined;
  let bestCost: number[] | undefined;
  for (const id of ids) {
    if (taken.has(id)) continue;
    const ref = refOf(id);
    const cost = complementCost(periods[ref.period]!, ref);
    if (!bestCost || lessThan(cost, bestCost)) {
      best = id;
      bestCost = cost;
    }
  }
  return best;
}

function lessThan(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

interface Failure {
  id: number;
  /** Released new cells that limit it (from the rows binding its bounds, else any reachable). */
  candidates: number[];
}

/**
 * Solves the targets' ranges, starting from ranges already shown feasible: first the sum of all targets
 * both ways (one vertex widens many at once), then each target still too narrow on its own.
 */
/** Connected groups of variables (sharing a row): each is solved as its own, smaller, linear program. */
function components(built: Built): { vars: number[]; rows: number[] }[] {
  const n = built.varIds.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const row of built.polytope.rows) for (let j = 1; j < row.cols.length; j++) parent[find(row.cols[j]!)] = find(row.cols[0]!);
  const groups = new Map<number, { vars: number[]; rows: number[] }>();
  for (let v = 0; v < n; v++) {
    const root = find(v);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { vars: [], rows: [] }));
    g.vars.push(v);
  }
  built.polytope.rows.forEach((row, r) => groups.get(find(row.cols[0]!))!.rows.push(r));
  return [...groups.values()];
}

/**
 * Solves the targets' ranges, starting from ranges already shown feasible: per connected group, first
 * the sum of its open targets both ways (one vertex widens many at once), then each target still too
 * narrow on its own.
 */
async function solveTargets(built: Built, targets: number[], observed: { min: Float64Array; max: Float64Array }, k: number, stats: AuditStats): Promise<Failure[]> {
  const { min, max } = observed;
  const need = (v: number) => requiredWidth(built.polytope.upper[v]!, k) - EPS;
  const open = new Set(targets.filter((v) => max[v]! - min[v]! < need(v)));
  if (open.size === 0) return [];
  const failing: Failure[] = [];
  for (const group of components(built)) {
    let local = group.vars.map((v, i) => (open.has(v) ? i : -1)).filter((i) => i >= 0);
    if (local.length === 0) continue;
    const position = new Map(group.vars.map((v, i) => [v, i]));
    const polytope: Polytope = {
      lower: Float64Array.from(group.vars, (v) => built.polytope.lower[v]!),
      upper: Float64Array.from(group.vars, (v) => built.polytope.upper[v]!),
      rows: group.rows.map((r) => {
        const row = built.polytope.rows[r]!;
        return { ...row, cols: row.cols.map((c) => position.get(c)!) };
      }),
    };
    const solver = await RangeSolver.create(polytope);
    try {
      const observe = (point: Float64Array) => {
        point.forEach((value, i) => {
          const v = group.vars[i]!;
          if (value < min[v]!) min[v] = value;
          if (value > max[v]!) max[v] = value;
        });
      };
      const safe = (i: number) => max[group.vars[i]!]! - min[group.vars[i]!]! >= need(group.vars[i]!);
      // Pushing the sum of the open targets up (and down) moves many of them to their bounds at once;
      // repeated while that still shows enough of them safe.
      for (let pass = 0; pass < 4 && local.length > 1; pass++) {
        const ones = local.map(() => 1);
        observe(solver.bound("max", local, ones).point);
        observe(solver.bound("min", local, ones).point);
        const still = local.filter((i) => !safe(i));
        const progress = local.length - still.length;
        local = still;
        if (progress < Math.max(2, local.length / 10)) break;
      }
      for (const i of local) {
        if (safe(i)) continue;
        const hi = solver.bound("max", [i], [1]);
        observe(hi.point);
        if (safe(i)) continue;
        const lo = solver.bound("min", [i], [1]);
        observe(lo.point);
        if (safe(i)) continue;
        const v = group.vars[i]!;
        // Released cells of the rows that limit its bounds; else of its own rows (a degenerate dual may
        // name none), else any reachable.
        const binding = [...new Set([...hi.bindingRows, ...lo.bindingRows].map((r) => group.rows[r]!))].flatMap((r) => built.rowCandidates[r]!);
        const ownRows = built.rowsOfVar[v]!.flatMap((r) => built.rowCandidates[r]!);
        failing.push({ id: built.varIds[v]!, candidates: binding.length ? binding : ownRows.length ? ownRows : reachableCandidates(built, v) });
      }
    } finally {
      stats.lpSolves += solver.solves;
      solver.dispose();
    }
  }
  return failing;
}

/** Observed ranges: the truth is feasible. */
function truthRanges(periods: readonly PeriodData[], built: Built): { min: Float64Array; max: Float64Array } {
  const min = Float64Array.from(built.varIds, (id) => {
    const ref = refOf(id);
    return unknownOf(periods[ref.period]!, ref.population, ref.cell);
  });
  return { min, max: Float64Array.from(min) };
}

function variablesOf(built: Built, keep: (id: number) => boolean): number[] {
  const out: number[] = [];
  built.varIds.forEach((id, v) => {
    if (keep(id)) out.push(v);
  });
  return out;
}

/**
 * The statuses of every cell of the group's new periods (frozen periods keep theirs), such that no
 * withheld cell can be pinned to a range narrower than k by linear programming.
 */
export async function suppressYearGroup(periods: readonly PeriodData[], rules: AuditRules): Promise<{ status: GroupStatus; stats: AuditStats }> {
  const { k } = rules;
  const status = initialStatus(periods, k);
  const stats: AuditStats = { lpSolves: 0, rounds: 0, primary: 0, complements: 0, unprotectable: 0 };
  periods.forEach((data, p) => {
    if (!data.frozen) for (const population of auditedPopulations) stats.primary += status[p]![population].filter((s) => s !== null).length;
  });
  const relations = groupRelations(periods);
  const agencyClosed = status.every((s) => s.agency.every((v) => v !== null));
  const quick = agencyClosed ? singlePatternRaise(periods) : null;
  // Cells shown safe stay safe when more cells are withheld (the feasible set only grows): after the
  // first round only the new complements and the cells that failed are audited again.
  let toCheck: Set<number> | null = null;
  const unprotectable = new Set<number>();
  for (;;) {
    stats.rounds++;
    const failures: Failure[] = [];
    const checking = (id: number) => (toCheck ? toCheck.has(id) : true) && !unprotectable.has(id);
    // Cells a move shows safe need no linear program (the moves keep every released figure).
    const needsSolving = (id: number) => {
      if (!checking(id)) return false;
      const ref = refOf(id);
      const d = periods[ref.period]!;
      const need = requiredWidth(knownOf(d, ref.population, ref.cell).upper, k) - EPS;
      if (ref.population === "agency") {
        const width = d.period.includes("Q") ? quarterShift(periods, status, ref) : matrixShift(d, status[ref.period]!, ref.cell);
        return width < need;
      }
      const withheld = Uint8Array.from(status[ref.period]![ref.population], (s) => (s === null ? 0 : 1));
      const population = ref.population;
      return peerWidth(d, withheld, population, ref.cell, (x) => knownOf(d, population, x).upper) < need;
    };
    if (agencyClosed) {
      // Peers first, in the problem without the agency's count-only reports (exact for them).
      const peers = buildModel(periods, status, relations, true);
      failures.push(...(await solveTargets(peers, variablesOf(peers, needsSolving), truthRanges(periods, peers), k, stats)));
      // The agency's cells: shown safe by closedAgencyRaise, or solved in the whole problem.
      const hard: number[] = [];
      periods.forEach((data, p) => {
        for (let x = 0; x < cellsIn(data, "agency"); x++) {
          const id = cellId({ period: p, population: "agency", cell: x });
          if (!checking(id)) continue;
          const need = requiredWidth(knownOf(data, "agency", x).upper, k) - EPS;
          const truth = unknownOf(data, "agency", x);
          if (truth >= need) continue;
          if (truth + quick![p]![x]! >= need) continue;
          if (truth + closedAgencyRaise(periods, { period: p, cell: x }, Math.ceil(need - truth)) >= need) continue;
          hard.push(id);
        }
      });
      if (hard.length) {
        const whole = buildModel(periods, status, relations);
        const observed = truthRanges(periods, whole);
        for (const id of hard) observed.min[whole.varOf.get(id)!] = 0;
        failures.push(...(await solveTargets(whole, hard.map((id) => whole.varOf.get(id)!), observed, k, stats)));
      }
    } else {
      const whole = buildModel(periods, status, relations);
      failures.push(...(await solveTargets(whole, variablesOf(whole, needsSolving), truthRanges(periods, whole), k, stats)));
    }
    if (failures.length === 0) break;
    const taken = new Set<number>();
    const next = new Set<number>();
    for (const { id, candidates } of failures) {
      next.add(id);
      if (candidates.length === 0) {
        // Nothing released is left to withhold around it: earlier releases and public figures pin it.
        unprotectable.add(id);
        continue;
      }
      // One complement per failing cell and round; a cell whose candidates include one already taken
      // this round is audited again next round, when that may already protect it (fewer withheld).
      if (candidates.some((c) => taken.has(c))) continue;
      const complement = cheapest(periods, candidates, taken);
      if (complement === undefined) continue;
      taken.add(complement);
      next.add(complement);
      const ref = refOf(complement);
      status[ref.period]![ref.population][ref.cell] = "complementary";
      stats.complements++;
    }
    if (taken.size === 0) break;
    toCheck = next;
  }
  stats.unprotectable = unprotectable.size;
  return { status, stats };
}
