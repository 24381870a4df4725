// Suppression of one agency's year (docs/design.md §6.1): primary suppression of the part of each cell the
// agency's members cannot already see, then an audit by linear programming of every withheld cell
// against everything released (this year's earlier releases included) and the public figures; a cell
// pinned to a range narrower than k (or than the public figures alone allow, when that is less) gets a
// complement among the new cells that limit it, and the audit runs again until none is.
import { certifiedWidth } from "./moves";
import { type Built, buildModel } from "./audit-model";
import { type Polytope, RangeSolver } from "./lp-ranges";
import {
  type AuditedPopulation,
  auditedPopulations,
  cellsIn,
  complementCost,
  type GroupRelation,
  groupRelations,
  type PeriodData,
  refOf,
  type Status,
  unknownOf,
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
      return {
        agency: [...data.status.agency],
        peer_size: [...data.status.peer_size],
        peer_region: [...data.status.peer_region],
      };
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

/** Connected groups of variables (sharing a row): each is solved as its own, smaller, linear program. */
function components(built: Built): { vars: number[]; rows: number[] }[] {
  const n = built.varIds.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const row of built.polytope.rows)
    for (let j = 1; j < row.cols.length; j++) parent[find(row.cols[j]!)] = find(row.cols[0]!);
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

/** The range of a withheld cell before this release: what the public figures and earlier releases allow. */
interface Before {
  width(id: number): number;
  dispose(): void;
}

/**
 * Solves the targets' ranges: the cells a move shows wide enough need nothing more; for the others, per
 * connected group, first the sum of its open targets both ways (one vertex widens many at once), then
 * each target still too narrow on its own. A target narrower than k fails unless it was already that
 * narrow before this release (earlier releases are frozen: nothing this release withholds can widen it).
 */
async function solveTargets(
  built: Built,
  targets: number[],
  periods: readonly PeriodData[],
  status: GroupStatus,
  k: number,
  stats: AuditStats,
  before: () => Promise<Before>,
): Promise<Failure[]> {
  const min = Float64Array.from(built.truth);
  const max = Float64Array.from(built.truth);
  const need = (v: number) => requiredWidth(built.polytope.upper[v]!, k) - EPS;
  const open = new Set(targets.filter((v) => certifiedWidth(built, periods, status, v, need(v) + EPS) < need(v)));
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
      for (let pass = 0; pass < 30 && local.length > 1; pass++) {
        const ones = local.map(() => 1);
        observe(solver.bound("max", local, ones).point);
        if (pass === 0) observe(solver.bound("min", local, ones).point);
        const still = local.filter((i) => !safe(i));
        const progress = local.length - still.length;
        local = still;
        if (progress < 3) break;
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
        const id = built.varIds[v]!;
        if (hi.value - lo.value >= Math.min(k, (await before()).width(id)) - EPS) continue;
        // Released cells of the rows that limit its bounds; else of its own rows (a degenerate dual may
        // name none), else any reachable.
        const binding = [...new Set([...hi.bindingRows, ...lo.bindingRows].map((r) => group.rows[r]!))].flatMap(
          (r) => built.rowCandidates[r]!,
        );
        const ownRows = built.rowsOfVar[v]!.flatMap((r) => built.rowCandidates[r]!);
        failing.push({
          id,
          candidates: binding.length ? binding : ownRows.length ? ownRows : reachableCandidates(built, v),
        });
      }
    } finally {
      stats.lpSolves += solver.solves;
      solver.dispose();
    }
  }
  return failing;
}

function variablesOf(built: Built, keep: (id: number) => boolean): number[] {
  const out: number[] = [];
  built.varIds.forEach((id, v) => {
    if (keep(id)) out.push(v);
  });
  return out;
}

/** Every cell of this release's periods withheld, earlier releases as they were: the state before it. */
function beforeRelease(periods: readonly PeriodData[], status: GroupStatus): GroupStatus {
  return status.map((s, p) =>
    periods[p]!.frozen
      ? s
      : {
          agency: s.agency.map(() => "complementary" as const),
          peer_size: s.peer_size.map(() => "complementary" as const),
          peer_region: s.peer_region.map(() => "complementary" as const),
        },
  );
}

/** Ranges in the state before this release, solved on demand (most audits never need one). */
function lazyBefore(
  periods: readonly PeriodData[],
  status: GroupStatus,
  relations: GroupRelation[],
  fixAgency: boolean,
  stats: AuditStats,
): { get: () => Promise<Before>; dispose: () => void } {
  let made: Promise<Before> | null = null;
  const cache = new Map<number, number>();
  let solver: RangeSolver | null = null;
  return {
    get: () =>
      (made ??= (async () => {
        // Before this release, members knew nothing of its periods: not even which of them are closed.
        const known = relations.filter((r) => r.closes === undefined || periods[r.closes]!.frozen);
        const built = buildModel(periods, beforeRelease(periods, status), known, fixAgency);
        solver = await RangeSolver.create(built.polytope);
        return {
          width: (id: number) => {
            let w = cache.get(id);
            if (w === undefined) {
              const v = built.varOf.get(id);
              if (v === undefined) return 0;
              w = solver!.bound("max", [v], [1]).value - solver!.bound("min", [v], [1]).value;
              stats.lpSolves += 2;
              cache.set(id, w);
            }
            return w;
          },
          dispose: () => solver?.dispose(),
        };
      })()),
    dispose: () => solver?.dispose(),
  };
}

/**
 * The statuses of every cell of the group's new periods (frozen periods keep theirs), such that no
 * withheld cell can be pinned by linear programming to a range narrower than k — or than it already was
 * before this release, when public figures and earlier releases pinned it closer.
 */
export async function suppressYearGroup(
  periods: readonly PeriodData[],
  rules: AuditRules,
): Promise<{ status: GroupStatus; stats: AuditStats }> {
  const { k } = rules;
  const status = initialStatus(periods, k);
  const stats: AuditStats = { lpSolves: 0, rounds: 0, primary: 0, complements: 0, unprotectable: 0 };
  periods.forEach((data, p) => {
    if (!data.frozen)
      for (const population of auditedPopulations)
        stats.primary += status[p]![population].filter((s) => s !== null).length;
  });
  const relations = groupRelations(periods);
  const agencyClosed = status.every((s) => s.agency.every((v) => v !== null));
  // Cells shown safe stay safe when more cells are withheld (the feasible set only grows): after the
  // first round only the new complements and the cells that failed are audited again.
  let toCheck: Set<number> | null = null;
  const unprotectable = new Set<number>();
  const befores = [
    lazyBefore(periods, status, relations, false, stats),
    lazyBefore(periods, status, relations, true, stats),
  ] as const;
  try {
    for (;;) {
      stats.rounds++;
      const failures: Failure[] = [];
      const checking = (id: number) => (toCheck ? toCheck.has(id) : true) && !unprotectable.has(id);
      if (agencyClosed) {
        // Peers in the problem without the agency's count-only reports (exact for them when nothing of
        // the agency is released); the agency's cells in the whole problem.
        const peers = buildModel(periods, status, relations, true);
        failures.push(
          ...(await solveTargets(peers, variablesOf(peers, checking), periods, status, k, stats, befores[1].get)),
        );
        const whole = buildModel(periods, status, relations);
        failures.push(
          ...(await solveTargets(
            whole,
            variablesOf(whole, (id) => refOf(id).population === "agency" && checking(id)),
            periods,
            status,
            k,
            stats,
            befores[0].get,
          )),
        );
      } else {
        const whole = buildModel(periods, status, relations);
        failures.push(
          ...(await solveTargets(whole, variablesOf(whole, checking), periods, status, k, stats, befores[0].get)),
        );
      }
      if (failures.length === 0) break;
      const taken = new Set<number>();
      const next = new Set<number>();
      for (const { id, candidates } of failures) {
        next.add(id);
        if (candidates.length === 0) {
          // Nothing released is left to withhold around it (none expected: reported by the job if any).
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
  } finally {
    for (const b of befores) b.dispose();
  }
  stats.unprotectable = unprotectable.size;
  return { status, stats };
}
