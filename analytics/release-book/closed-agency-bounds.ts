// When nothing of an agency's own is released in a year (below the minimum in every period), its cells
// can be shown safe without solving: no count-only report at all is feasible (the lower end), and so is
// the truth plus more reports of the agency, each of one incident type, one loss potential and one
// factor in some quarter, as long as every cell they touch stays within the region's reports and beside
// the released peer figures (the upper end). Cells this cannot show safe go to the linear program.
import { factors, incidentTypes, lossPotentials } from "../../db/taxonomy/index";
import { CELL } from "./book-layout";
import { cellsIn, type PeriodData } from "./year-group";

const T = incidentTypes.length;
const F = factors.length;
const L = lossPotentials.length;

/** Room left in a margin cell of a period for more count-only reports of the agency (peers are by year). */
function marginSlack(d: PeriodData, x: number): number {
  const counted = d.agency[x]!;
  // The box: the region's reports less the shared and count-only ones already there.
  const box = d.regional[x]! - counted;
  if (d.period.includes("Q")) return box;
  return Math.min(box, d.regional[x]! - counted - d.peerRegion[x]!, d.national[x]! - counted - d.peerSize[x]!);
}

interface Capacity {
  n: number;
  t: number[];
  f: number[];
  l: number[];
}

function capacityOf(d: PeriodData): Capacity {
  return {
    n: marginSlack(d, CELL.total),
    t: Array.from({ length: T }, (_, t) => marginSlack(d, CELL.incident(t))),
    f: Array.from({ length: F }, (_, f) => marginSlack(d, CELL.factor(f))),
    l: Array.from({ length: L }, (_, l) => marginSlack(d, CELL.loss(l))),
  };
}

const capacities = new WeakMap<PeriodData, Capacity>();
function capacityCached(d: PeriodData): Capacity {
  let c = capacities.get(d);
  if (!c) capacities.set(d, (c = capacityOf(d)));
  return c;
}

function copy(c: Capacity): Capacity {
  return { n: c.n, t: [...c.t], f: [...c.f], l: [...c.l] };
}

/** What a target cell restricts: a fixed incident type, factor or loss potential (or none). */
export interface Target {
  /** Position in `periods`. */
  period: number;
  cell: number;
}

function restriction(cell: number): { t?: number; f?: number; l?: number } {
  if (cell === CELL.total) return {};
  if (cell < CELL.factor(0)) return { t: cell - CELL.incident(0) };
  if (cell < CELL.loss(0)) return { f: cell - CELL.factor(0) };
  if (cell < CELL.matrix(0, 0)) return { l: cell - CELL.loss(0) };
  const m = cell - CELL.matrix(0, 0);
  return { t: Math.floor(m / F), f: m % F };
}

const range = (n: number, only?: number) => (only === undefined ? Array.from({ length: n }, (_, i) => i) : [only]);

/**
 * How many count-only reports can be added to a target cell while every released figure stays as it
 * is (greedily; stops once `need` is reached): the truth plus this is a feasible value of the cell.
 */
export function closedAgencyRaise(periods: readonly PeriodData[], target: Target, need: number): number {
  const yearIndex = periods.findIndex((d) => !d.period.includes("Q"));
  const Y = yearIndex >= 0 ? periods[yearIndex]! : null;
  const quarters = target.period === yearIndex ? periods.map((d, p) => (d.period.includes("Q") ? p : -1)).filter((p) => p >= 0) : [target.period];
  const yearCap = Y ? copy(capacityCached(Y)) : null;
  const withMatrix = Y !== null && Y.gates.matrix;
  const matrix = Array.from({ length: T * F }, (_, i) => (withMatrix ? Y!.regional[CELL.matrix(Math.floor(i / F), i % F)]! - Y!.agency[CELL.matrix(Math.floor(i / F), i % F)]! : Infinity));
  const only = restriction(target.cell);
  let raised = 0;
  quarter: for (const q of quarters) {
    const cap = copy(capacityCached(periods[q]!));
    for (const t of range(T, only.t)) {
      if (cap.t[t]! <= 0 || (yearCap && yearCap.t[t]! <= 0)) continue;
      for (const f of range(F, only.f)) {
        if (cap.f[f]! <= 0 || (yearCap && (yearCap.f[f]! <= 0 || matrix[t * F + f]! <= 0))) continue;
        for (const l of range(L, only.l)) {
          if (yearCap && yearCap.n <= 0) return raised;
          if (cap.n <= 0) continue quarter;
          if (raised >= need) return raised;
          let a = Math.min(cap.n, cap.t[t]!, cap.f[f]!, cap.l[l]!, need - raised);
          if (yearCap) a = Math.min(a, yearCap.n, yearCap.t[t]!, yearCap.f[f]!, yearCap.l[l]!, matrix[t * F + f]!);
          if (a <= 0) continue;
          cap.n -= a;
          cap.t[t]! -= a;
          cap.f[f]! -= a;
          cap.l[l]! -= a;
          if (yearCap) {
            yearCap.n -= a;
            yearCap.t[t]! -= a;
            yearCap.f[f]! -= a;
            yearCap.l[l]! -= a;
            matrix[t * F + f]! -= a;
          }
          raised += a;
        }
      }
    }
  }
  return raised;
}

/**
 * The same for every cell at once with one added report pattern per cell (fast, often enough): by
 * period, then cell, how many reports of the best single pattern fit.
 */
export function singlePatternRaise(periods: readonly PeriodData[]): number[][] {
  const yearIndex = periods.findIndex((d) => !d.period.includes("Q"));
  const Y = yearIndex >= 0 ? periods[yearIndex]! : null;
  const yc = Y ? capacityCached(Y) : null;
  const matrix = (t: number, f: number) => (Y && Y.gates.matrix ? Y.regional[CELL.matrix(t, f)]! - Y.agency[CELL.matrix(t, f)]! : Infinity);
  const out = periods.map((d) => new Array<number>(cellsIn(d, "agency")).fill(0));
  periods.forEach((d, q) => {
    if (!d.period.includes("Q")) return;
    const c = capacityCached(d);
    const both = (quarter: number, year: number | undefined) => Math.min(quarter, year ?? Infinity);
    const n = both(c.n, yc?.n);
    const tS = c.t.map((v, t) => both(v, yc?.t[t]));
    const fS = c.f.map((v, f) => both(v, yc?.f[f]));
    const lS = c.l.map((v, l) => both(v, yc?.l[l]));
    const maxL = Math.max(...lS);
    let tf = -Infinity;
    const bestForT = new Array<number>(T).fill(-Infinity);
    const bestForF = new Array<number>(F).fill(-Infinity);
    for (let t = 0; t < T; t++) {
      for (let f = 0; f < F; f++) {
        const m = matrix(t, f);
        tf = Math.max(tf, Math.min(tS[t]!, fS[f]!, m));
        bestForT[t] = Math.max(bestForT[t]!, Math.min(fS[f]!, m));
        bestForF[f] = Math.max(bestForF[f]!, Math.min(tS[t]!, m));
      }
    }
    const set = (x: number, v: number) => {
      out[q]![x] = Math.max(0, v);
      if (yearIndex >= 0) out[yearIndex]![x] = Math.max(out[yearIndex]![x]!, Math.max(0, v));
    };
    set(CELL.total, Math.min(n, maxL, tf));
    for (let t = 0; t < T; t++) set(CELL.incident(t), Math.min(n, maxL, tS[t]!, bestForT[t]!));
    for (let f = 0; f < F; f++) set(CELL.factor(f), Math.min(n, maxL, fS[f]!, bestForF[f]!));
    for (let l = 0; l < L; l++) set(CELL.loss(l), Math.min(n, lS[l]!, tf));
    if (Y && Y.gates.matrix) {
      for (let t = 0; t < T; t++) {
        for (let f = 0; f < F; f++) {
          const x = CELL.matrix(t, f);
          out[yearIndex]![x] = Math.max(out[yearIndex]![x]!, Math.max(0, Math.min(n, maxL, tS[t]!, fS[f]!, matrix(t, f))));
        }
      }
    }
  });
  return out;
}
