// Feasible points found without solving, for the audit: the linear program is the arbiter; these only
// spare it the cells whose range is plainly wide enough. A move proposes a direction — some withheld
// cells up, others down, the way reports could move between quarters, types or factors — and the model
// itself says how far the truth can go along it (a ratio test over the very rows and bounds the solver
// has), so a move can never claim a point the linear program would not allow.
import { factors, incidentTypes, lossPotentials } from "../../domain/taxonomy/index";
import type { GroupStatus } from "./audit";
import type { Built } from "./audit-model";
import { CELL, MARGIN_CELLS } from "./book-layout";
import { cellId, type CellRef, type PeriodData, refOf } from "./year-group";

const T = incidentTypes.length;
const F = factors.length;
const L = lossPotentials.length;
/** Moves taken per direction of a cell before the linear program takes over. */
const MAX_MOVES = 48;
/** Proposals looked at per direction (most are blocked by a released cell or a bound: cheap to try). */
const MAX_PROPOSALS = 100;

/** A direction over the model's unknowns: sparse, by variable position. */
interface Direction {
  vars: number[];
  coefs: number[];
}

/** Per model: the rows' values at the truth, and a scratch array for step() (both reused by every Point). */
const scratch = new WeakMap<Built, { activity: Float64Array; change: Float64Array }>();
function scratchOf(built: Built): { activity: Float64Array; change: Float64Array } {
  let s = scratch.get(built);
  if (!s) {
    const activity = new Float64Array(built.polytope.rows.length);
    built.polytope.rows.forEach((row, r) => {
      let sum = 0;
      for (let j = 0; j < row.cols.length; j++) sum += row.coefs[j]! * built.truth[row.cols[j]!]!;
      activity[r] = sum;
    });
    scratch.set(built, (s = { activity, change: new Float64Array(built.polytope.rows.length) }));
  }
  return s;
}

/** A point of the model and its rows' values there (moves update both); it starts at the truth. */
class Point {
  readonly x: Float64Array;
  readonly activity: Float64Array;
  private readonly change: Float64Array;
  private readonly touched: number[] = [];
  constructor(private readonly built: Built) {
    const s = scratchOf(built);
    // step() leaves every entry of the shared change array at zero when it returns.
    this.change = s.change;
    this.x = Float64Array.from(built.truth);
    this.activity = Float64Array.from(s.activity);
  }

  /** The largest step along d that keeps every bound and row (0 when the direction is blocked). */
  step(d: Direction): number {
    const { lower, upper, rows } = this.built.polytope;
    let t = Infinity;
    // Row changes per unit step, accumulated in a reused array (this runs for every move of every cell).
    const change = this.change;
    const touched = this.touched;
    touched.length = 0;
    for (let i = 0; i < d.vars.length; i++) {
      const v = d.vars[i]!;
      const c = d.coefs[i]!;
      if (c > 0) t = Math.min(t, (upper[v]! - this.x[v]!) / c);
      else if (c < 0) t = Math.min(t, (this.x[v]! - lower[v]!) / -c);
      const rs = this.built.rowsOfVar[v]!;
      const cs = this.built.coefsOfVar[v]!;
      for (let j = 0; j < rs.length; j++) {
        const r = rs[j]!;
        if (change[r] === 0) touched.push(r);
        change[r]! += cs[j]! * c;
      }
    }
    for (const r of touched) {
      const delta = change[r]!;
      change[r] = 0;
      if (Math.abs(delta) < 1e-12) continue;
      const row = rows[r]!;
      if (delta > 0) t = Math.min(t, (row.upper - this.activity[r]!) / delta);
      else t = Math.min(t, (this.activity[r]! - row.lower) / -delta);
    }
    return Number.isFinite(t) ? Math.max(0, t) : 0;
  }

  move(d: Direction, t: number): void {
    d.vars.forEach((v, i) => {
      const c = d.coefs[i]! * t;
      this.x[v]! += c;
      const rs = this.built.rowsOfVar[v]!;
      const cs = this.built.coefsOfVar[v]!;
      for (let j = 0; j < rs.length; j++) this.activity[rs[j]!]! += cs[j]! * c;
    });
  }
}

type Cellwise = [period: number, population: CellRef["population"], cell: number, coef: number];

/**
 * Proposed directions that raise the target cell (its negation is tried for lowering), lazily: a cell
 * may have thousands (every type × loss × factor of a report), and only the first few dozen are tried.
 */
function* proposals(periods: readonly PeriodData[], status: GroupStatus, ref: CellRef): Generator<Cellwise[]> {
  const year = periods.findIndex((d) => !d.period.includes("Q"));
  const quarters = periods.map((d, p) => (d.period.includes("Q") ? p : -1)).filter((p) => p >= 0);
  const p = ref.period;
  const x = ref.cell;
  const hidden = (q: number, population: CellRef["population"], cell: number) =>
    status[q]?.[population][cell] !== null && status[q]?.[population][cell] !== undefined;
  const isType = x >= CELL.incident(0) && x < CELL.factor(0);
  const isFactor = x >= CELL.factor(0) && x < CELL.loss(0);
  const isLoss = x >= CELL.loss(0) && x < MARGIN_CELLS;
  const partners = (first: number, count: number) =>
    Array.from({ length: count }, (_, i) => first + i).filter((j) => j !== x);

  if (ref.population !== "agency") {
    // A peer group's year: reports trade between two types (or losses), or cite a factor more.
    if (isType)
      for (const j of partners(CELL.incident(0), T))
        yield [
          [p, ref.population, x, 1],
          [p, ref.population, j, -1],
        ];
    if (isLoss)
      for (const j of partners(CELL.loss(0), L))
        yield [
          [p, ref.population, x, 1],
          [p, ref.population, j, -1],
        ];
    if (isFactor) yield [[p, ref.population, x, 1]];
    return;
  }
  const matrixYear = year >= 0 && periods[year]!.gates.matrix;
  if (x >= MARGIN_CELLS) {
    // The year's incident type × factor cell: the factor's citations move between two types' rows.
    const m = x - MARGIN_CELLS;
    const t = Math.floor(m / F);
    const f = m % F;
    for (let u = 0; u < T; u++)
      if (u !== t)
        yield [
          [p, "agency", x, 1],
          [p, "agency", CELL.matrix(u, f), -1],
        ];
    return;
  }
  const others = quarters.filter((q) => q !== p);
  if (p === year) {
    // A year cell moves with one of its quarters (the quarter's own moves, seen from the year).
    for (const q of quarters)
      yield [
        [p, "agency", x, 1],
        [q, "agency", x, 1],
      ];
  } else {
    if (isFactor) {
      for (const q of others)
        yield [
          [p, "agency", x, 1],
          [q, "agency", x, -1],
        ];
      if (year >= 0) {
        if (!matrixYear)
          yield [
            [p, "agency", x, 1],
            [year, "agency", x, 1],
          ];
        else
          for (let t = 0; t < T; t++)
            yield [
              [p, "agency", x, 1],
              [year, "agency", x, 1],
              [year, "agency", CELL.matrix(t, x - CELL.factor(0)), 1],
            ];
      } else {
        yield [[p, "agency", x, 1]];
      }
    }
    if (isType || isLoss) {
      const first = isType ? CELL.incident(0) : CELL.loss(0);
      const count = isType ? T : L;
      for (const j of partners(first, count)) {
        for (const q of others)
          yield [
            [p, "agency", x, 1],
            [p, "agency", j, -1],
            [q, "agency", x, -1],
            [q, "agency", j, 1],
          ];
        if (year >= 0) {
          const base: Cellwise[] = [
            [p, "agency", x, 1],
            [p, "agency", j, -1],
            [year, "agency", x, 1],
            [year, "agency", j, -1],
          ];
          if (!(isType && matrixYear)) yield base;
          else
            for (let f = 0; f < F; f++)
              yield [
                ...base,
                [year, "agency", CELL.matrix(x - first, f), 1],
                [year, "agency", CELL.matrix(j - first, f), -1],
              ];
        } else {
          yield [
            [p, "agency", x, 1],
            [p, "agency", j, -1],
          ];
        }
      }
    }
  }
  // Whole reports of one incident type, loss and factor: moved in from another quarter, or added (when
  // nothing of the agency is released, every one of those cells is withheld).
  {
    const ts = isType ? [x - CELL.incident(0)] : Array.from({ length: T }, (_, i) => i);
    const ls = isLoss ? [x - CELL.loss(0)] : Array.from({ length: L }, (_, i) => i);
    const fs = isFactor ? [x - CELL.factor(0)] : Array.from({ length: F }, (_, i) => i);
    const report = (q: number, t: number, l: number, f: number, sign: number): Cellwise[] =>
      [CELL.total, CELL.incident(t), CELL.loss(l), CELL.factor(f)].map((c): Cellwise => [q, "agency", c, sign]);
    const inQuarter = p === year ? quarters : [p];
    for (const q of inQuarter) {
      for (const t of ts) {
        for (const l of ls) {
          for (const f of fs) {
            if (!hidden(q, "agency", CELL.incident(t)) || !hidden(q, "agency", CELL.factor(f))) continue;
            const yearCells: Cellwise[] =
              year >= 0
                ? [
                    ...report(year, t, l, f, 1),
                    ...(matrixYear ? [[year, "agency", CELL.matrix(t, f), 1] as Cellwise] : []),
                  ]
                : [];
            yield [...report(q, t, l, f, 1), ...yearCells];
            for (const o of quarters) if (o !== q) yield [...report(q, t, l, f, 1), ...report(o, t, l, f, -1)];
          }
        }
      }
    }
  }
}

/** Variable position of each group cell id (-1: released), as an array: looked up for every proposal. */
const positions = new WeakMap<Built, Int32Array>();
function positionsOf(built: Built): Int32Array {
  let out = positions.get(built);
  if (!out) {
    out = new Int32Array(Math.max(0, ...built.varIds) + 1).fill(-1);
    built.varIds.forEach((id, v) => (out![id] = v));
    positions.set(built, out);
  }
  return out;
}

function directionOf(at: Int32Array, cells: Cellwise[], sign: number): Direction | null {
  const vars: number[] = [];
  const coefs: number[] = [];
  for (const [period, population, cell, coef] of cells) {
    const id = cellId({ period, population, cell });
    const v = id < at.length ? at[id]! : -1;
    if (v < 0) return null; // a released cell cannot move
    const i = vars.indexOf(v);
    if (i >= 0) coefs[i]! += sign * coef;
    else {
      vars.push(v);
      coefs.push(sign * coef);
    }
  }
  return { vars, coefs };
}

/**
 * A width the target variable is shown to range over, from the truth: the moves up, taken one after
 * another from the truth, and the moves down likewise (two feasible points). Stops once `need` is met.
 */
export function certifiedWidth(
  built: Built,
  periods: readonly PeriodData[],
  status: GroupStatus,
  v: number,
  need: number,
): number {
  const id = built.varIds[v]!;
  const ref = refOf(id);
  let width = 0;
  const at = positionsOf(built);
  const { lower, upper } = built.polytope;
  for (const sign of [1, -1]) {
    // A target at its bound cannot move that way: no proposal can help.
    if (sign > 0 ? built.truth[v]! >= upper[v]! : built.truth[v]! <= lower[v]!) continue;
    const point = new Point(built);
    let tried = 0;
    let looked = 0;
    for (const cells of proposals(periods, status, ref)) {
      if (width >= need || tried >= MAX_MOVES || looked++ >= MAX_PROPOSALS) break;
      const d = directionOf(at, cells, sign);
      if (!d) continue;
      // How much the target itself moves per step (a move may leave it where it is).
      const self = d.vars.indexOf(v);
      const rate = self >= 0 ? d.coefs[self]! * sign : 0;
      if (rate <= 0) continue;
      const t = Math.min(point.step(d), (need - width) / rate);
      if (t <= 1e-9) continue;
      tried++;
      point.move(d, t);
      width += t * rate;
    }
  }
  return width;
}
