// Feasible points found without solving, for the audit (the linear program is the arbiter; these only
// spare it the cells whose range is plainly wide enough). Each is the truth changed by a move that
// keeps every released figure as it is and every written-down relation true:
// - an agency's quarters, when their cells are withheld: a factor cited more in one quarter and less in
//   another, or two incident types (or losses) trading reports across two quarters — the year's figures
//   do not change; a quarter's total moves with whole reports;
// - a peer table: reports moved between two withheld incident types (or loss potentials), or a
//   withheld factor cited by more or fewer of the group's reports.
import { factors, incidentTypes, lossPotentials, MAX_FACTORS_PER_REPORT } from "../../db/taxonomy/index";
import type { GroupStatus } from "./audit";
import { CELL, MARGIN_CELLS } from "./book-layout";
import { type PeriodData, unknownOf } from "./year-group";

const T = incidentTypes.length;
const F = factors.length;
const L = lossPotentials.length;
const MAX = MAX_FACTORS_PER_REPORT;

/** A period's agency margins the moves need, computed once. */
interface QuarterFigures {
  counted: Int32Array;
  /** Count-only reports per cell (what can be taken away). */
  own: Int32Array;
  /** Region's reports not yet counted per cell (what can be added). */
  room: Int32Array;
  factorSum: number;
}

const quarterCache = new WeakMap<PeriodData, QuarterFigures>();
function figures(d: PeriodData): QuarterFigures {
  let q = quarterCache.get(d);
  if (!q) {
    const counted = Int32Array.from(d.agency.subarray(0, MARGIN_CELLS));
    const own = new Int32Array(MARGIN_CELLS);
    const room = new Int32Array(MARGIN_CELLS);
    let factorSum = 0;
    for (let x = 0; x < MARGIN_CELLS; x++) {
      own[x] = counted[x]! - d.shared[x]!;
      room[x] = d.regional[x]! - counted[x]!;
    }
    for (let f = 0; f < F; f++) factorSum += counted[CELL.factor(f)]!;
    quarterCache.set(d, (q = { counted, own, room, factorSum }));
  }
  return q;
}

/** Factor f cited δ more times in quarter `a` and δ fewer in `b`: how large δ can be. */
function factorShift(a: QuarterFigures, b: QuarterFigures, f: number): number {
  const x = CELL.factor(f);
  const na = a.counted[CELL.total]!;
  const nb = b.counted[CELL.total]!;
  return Math.min(
    a.room[x]!, na - a.counted[x]!, MAX * na - a.factorSum, // a: within the region, ≤ total, Σ ≤ 5·total
    b.own[x]!, b.factorSum - nb, // b: only count-only citations go, Σ factors ≥ total
  );
}

/**
 * Whole reports moved from quarter `b` to `a`, of the best single pattern (incident type, loss, factor):
 * the dimensions are independent, so the best is the least of each dimension's best.
 */
function reportShift(a: QuarterFigures, b: QuarterFigures): number {
  const nb = b.counted[CELL.total]!;
  let first = 0;
  let second = 0;
  for (let g = 0; g < F; g++) {
    const v = b.counted[CELL.factor(g)]!;
    if (v > first) [first, second] = [v, first];
    else if (v > second) second = v;
  }
  const both = (x: number) => Math.min(a.room[x]!, b.own[x]!);
  let bestT = 0;
  for (let t = 0; t < T; t++) bestT = Math.max(bestT, both(CELL.incident(t)));
  let bestL = 0;
  for (let l = 0; l < L; l++) bestL = Math.max(bestL, both(CELL.loss(l)));
  let bestF = 0;
  for (let f = 0; f < F; f++) {
    const otherMax = b.counted[CELL.factor(f)]! === first ? second : first;
    // In b, every other factor stays ≤ the total.
    bestF = Math.max(bestF, Math.min(both(CELL.factor(f)), nb - otherMax));
  }
  // In b, Σ factors ≤ 5·total after the loss.
  return Math.max(0, Math.min(both(CELL.total), bestT, bestL, bestF, Math.floor((MAX * nb - b.factorSum) / (MAX - 1))));
}

/** Room in the year's margin cell beside the public and peer figures, up and (count-only part) down. */
function yearMargin(y: PeriodData, x: number): { up: number; down: number } {
  const c = y.agency[x]!;
  let up = y.regional[x]! - c;
  if (y.peerRegion.length) up = Math.min(up, y.regional[x]! - c - y.peerRegion[x]!, y.national[x]! - c - y.peerSize[x]!);
  return { up: Math.max(0, up), down: Math.max(0, c - y.shared[x]!) };
}

/**
 * The year's factor moving with a quarter's (the other quarters unchanged): within total ≤ Σ factors ≤
 * 5·total and factor ≤ total. Not with the incident type × factor table: a factor is the sum of its
 * column there, which would have to move too (left to the linear program).
 */
function yearFactorRoom(y: PeriodData, f: number): { up: number; down: number } {
  if (y.gates.matrix) return { up: 0, down: 0 };
  const x = CELL.factor(f);
  const n = y.agency[CELL.total]!;
  let sum = 0;
  for (let g = 0; g < F; g++) sum += y.agency[CELL.factor(g)]!;
  const m = yearMargin(y, x);
  return { up: Math.max(0, Math.min(m.up, n - y.agency[x]!, MAX * n - sum)), down: Math.max(0, Math.min(m.down, sum - n)) };
}

/**
 * Room for the year's incident type (or loss) to rise, or fall (another type moving the other way, so
 * the total stays): with the incident type × factor table, a type's row must still hold it (type ≤
 * Σ row ≤ 5·type, each cell ≤ type).
 */
function yearRoomOf(d: PeriodData, cell: number, rising: boolean): number {
  const a = d.agency;
  const m = yearMargin(d, cell);
  let room = rising ? m.up : m.down;
  if (d.gates.matrix && cell >= CELL.incident(0) && cell < CELL.factor(0)) {
    const t = cell - CELL.incident(0);
    let row = 0;
    let most = 0;
    for (let g = 0; g < F; g++) {
      row += a[CELL.matrix(t, g)]!;
      most = Math.max(most, a[CELL.matrix(t, g)]!);
    }
    room = rising ? Math.min(room, row - a[cell]!) : Math.min(room, a[cell]! - most, Math.floor(a[cell]! - row / MAX));
  }
  return Math.max(0, room);
}

/**
 * How far an agency cell of a quarter can move, up plus down, while every released figure stays as it
 * is (a lower bound on its range; 0 when no move applies). Moves touch only withheld cells: a factor
 * cited more in this quarter and less in another, or alone when the year's factor is withheld too; two
 * incident types (or losses) trading reports across two quarters; the total, with whole reports.
 */
export function quarterShift(periods: readonly PeriodData[], status: GroupStatus, target: { period: number; cell: number }): number {
  const d = periods[target.period]!;
  if (!d.period.includes("Q")) return 0;
  const x = target.cell;
  const hidden = (p: number, cell: number) => status[p]!.agency[cell] !== null;
  const quarters = periods.map((q, p) => (q.period.includes("Q") && p !== target.period ? p : -1)).filter((p) => p >= 0);
  const yearIndex = periods.findIndex((q) => !q.period.includes("Q"));
  const here = figures(d);
  const n = here.counted[CELL.total]!;
  if (x >= CELL.factor(0) && x < CELL.loss(0)) {
    const f = x - CELL.factor(0);
    let up = 0;
    let down = 0;
    for (const p of quarters) {
      if (!hidden(p, x)) continue;
      const b = figures(periods[p]!);
      up += Math.max(0, factorShift(here, b, f));
      down += Math.max(0, factorShift(b, here, f));
    }
    // Alone: this quarter's and the year's factor move together (the year has no other quarter to balance).
    if (yearIndex < 0 || hidden(yearIndex, x)) {
      const y = yearIndex >= 0 ? yearFactorRoom(periods[yearIndex]!, f) : { up: Infinity, down: Infinity };
      up += y.up;
      down += y.down;
    }
    const upHere = Math.max(0, Math.min(here.room[x]!, n - here.counted[x]!, MAX * n - here.factorSum));
    const downHere = Math.max(0, Math.min(here.own[x]!, here.factorSum - n));
    return Math.min(up, upHere) + Math.min(down, downHere);
  }
  // x up here and down in b, j down here and up in b (greedy with every capacity used once).
  const trade = (first: number, count: number, rising: boolean) => {
    let capX = rising ? here.room[x]! : here.own[x]!;
    const capJ = Array.from({ length: count }, (_, i) => (rising ? here.own[first + i]! : here.room[first + i]!));
    let moved = 0;
    for (const p of quarters) {
      if (!hidden(p, x)) continue;
      const b = figures(periods[p]!);
      let bX = rising ? b.own[x]! : b.room[x]!;
      for (let i = 0; i < count && capX > 0 && bX > 0; i++) {
        const j = first + i;
        if (j === x || !hidden(target.period, j) || !hidden(p, j)) continue;
        const amount = Math.min(capX, bX, capJ[i]!, rising ? b.room[j]! : b.own[j]!);
        if (amount <= 0) continue;
        capX -= amount;
        bX -= amount;
        capJ[i]! -= amount;
        moved += amount;
      }
    }
    // Within this quarter against another withheld type (or loss), the year's two cells moving with it.
    if (yearIndex >= 0 && hidden(yearIndex, x)) {
      const y = periods[yearIndex]!;
      let yearX = yearRoomOf(y, x, rising);
      for (let i = 0; i < count && capX > 0 && yearX > 0; i++) {
        const j = first + i;
        if (j === x || !hidden(target.period, j) || !hidden(yearIndex, j)) continue;
        const amount = Math.min(capX, capJ[i]!, yearX, yearRoomOf(y, j, !rising));
        if (amount <= 0) continue;
        capX -= amount;
        capJ[i]! -= amount;
        yearX -= amount;
        moved += amount;
      }
    }
    return moved;
  };
  if (x >= CELL.incident(0) && x < CELL.factor(0)) return trade(CELL.incident(0), T, true) + trade(CELL.incident(0), T, false);
  if (x >= CELL.loss(0) && x < MARGIN_CELLS) return trade(CELL.loss(0), L, true) + trade(CELL.loss(0), L, false);
  // The total: whole reports of its most movable pattern, between quarters whose cells are all withheld.
  if (!status[target.period]!.agency.every((v) => v !== null)) return 0;
  let up = 0;
  let down = 0;
  for (const p of quarters) {
    if (!status[p]!.agency.every((v) => v !== null)) continue;
    const b = figures(periods[p]!);
    up = Math.max(up, reportShift(here, b));
    down = Math.max(down, reportShift(b, here));
  }
  return up + down;
}

/**
 * A withheld cell of the year's incident type × factor table: reports of its factor moved to or from
 * another incident type whose cell for that factor is withheld too (the factor's total stays).
 */
export function matrixShift(y: PeriodData, status: GroupStatus[number], cell: number): number {
  const m = cell - CELL.matrix(0, 0);
  if (m < 0) return 0;
  const t = Math.floor(m / F);
  const f = m % F;
  const counted = y.agency;
  const rowRoom = (u: number) => {
    // Within the region, ≤ the type's total, the type's row ≤ 5·its total.
    let row = 0;
    for (let g = 0; g < F; g++) row += counted[CELL.matrix(u, g)]!;
    const c = CELL.matrix(u, f);
    return {
      up: Math.max(0, Math.min(y.regional[c]! - counted[c]!, counted[CELL.incident(u)]! - counted[c]!, MAX * counted[CELL.incident(u)]! - row)),
      down: Math.max(0, Math.min(counted[c]! - y.shared[c]!, row - counted[CELL.incident(u)]!)),
    };
  };
  const own = rowRoom(t);
  let up = 0;
  let down = 0;
  for (let u = 0; u < T; u++) {
    if (u === t || status.agency[CELL.matrix(u, f)] === null) continue;
    const other = rowRoom(u);
    up += other.down;
    down += other.up;
  }
  return Math.min(own.up, up) + Math.min(own.down, down);
}

/** Up and down room of every margin cell of a peer group, with everything else as it is. */
interface PeerSlack {
  up: Float64Array;
  down: Float64Array;
  total: number;
  factorSum: number;
  factor: Int32Array;
}

const peerCache = new WeakMap<PeriodData, Map<string, PeerSlack>>();
function peerSlack(d: PeriodData, population: "peer_size" | "peer_region", upperOf: (x: number) => number): PeerSlack {
  let byPopulation = peerCache.get(d);
  if (!byPopulation) peerCache.set(d, (byPopulation = new Map()));
  let s = byPopulation.get(population);
  if (s) return s;
  const up = new Float64Array(MARGIN_CELLS);
  const down = new Float64Array(MARGIN_CELLS);
  for (let x = 0; x < MARGIN_CELLS; x++) {
    const v = unknownOf(d, population, x);
    const counted = d.agency[x]!;
    // Size-band peers in the region are among the regional peers: peer_size − peer_region ≤ nation − region.
    const cross = d.national[x]! - d.regional[x]! - (d.peerSize[x]! - d.peerRegion[x]!);
    const own = population === "peer_region" ? d.regional[x]! - counted - v : d.national[x]! - counted - v;
    up[x] = Math.max(0, Math.min(upperOf(x) - v, own, population === "peer_size" ? cross : Infinity));
    down[x] = Math.max(0, Math.min(v, population === "peer_region" ? cross : Infinity));
  }
  const values = population === "peer_size" ? d.peerSize : d.peerRegion;
  let factorSum = 0;
  for (let f = 0; f < F; f++) factorSum += values[CELL.factor(f)]!;
  const factor = Int32Array.from({ length: F }, (_, f) => values[CELL.factor(f)]!);
  byPopulation.set(population, (s = { up, down, total: values[CELL.total]!, factorSum, factor }));
  return s;
}

/**
 * Width shown feasible for a withheld peer cell (by year): types and losses trade reports with another
 * withheld type or loss (the total stays); a factor may be cited by more or fewer reports within
 * total ≤ Σ factors ≤ 5·total. Zero when the total itself is withheld (left to the linear program).
 */
export function peerWidth(
  d: PeriodData, withheld: Uint8Array, population: "peer_size" | "peer_region", x: number, upperOf: (x: number) => number,
): number {
  if (withheld[CELL.total]) return 0;
  const s = peerSlack(d, population, upperOf);
  const trade = (first: number, count: number) => {
    let up = 0;
    let down = 0;
    for (let y = first; y < first + count; y++) {
      if (y === x || !withheld[y]) continue;
      up += s.down[y]!; // x rises as y falls
      down += s.up[y]!;
    }
    return Math.min(s.up[x]!, up) + Math.min(s.down[x]!, down);
  };
  if (x >= CELL.incident(0) && x < CELL.factor(0)) return trade(CELL.incident(0), T);
  if (x >= CELL.loss(0) && x < MARGIN_CELLS) return trade(CELL.loss(0), L);
  if (x >= CELL.factor(0) && x < CELL.loss(0)) {
    const value = s.factor[x - CELL.factor(0)]!;
    const up = Math.min(s.up[x]!, s.total - value, MAX * s.total - s.factorSum);
    const down = Math.min(s.down[x]!, s.factorSum - s.total);
    return Math.max(0, up) + Math.max(0, down);
  }
  return 0;
}
