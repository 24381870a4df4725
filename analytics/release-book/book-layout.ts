// The release book's fixed list of tables (docs/design.md §6.1), decided before anyone asks: per population and
// period, the total, by incident type, by factor, by loss potential and (for the agency) incident type ×
// factor, with the relations between their cells written down once, here. Browser-safe: plain data.
import { factors, incidentTypes, lossPotentials, MAX_FACTORS_PER_REPORT } from "../../domain/taxonomy/index";
import { binMonths, monthIndex, type MonthWindow, quarterOf, QUARTER_PATTERN, YEAR_PATTERN } from "../../domain/period";

/**
 * Whose reports a table counts. "agency": the reports counted toward the agency (shared + count-only);
 * "rest": the nation without them (public national − agency, so it is released exactly when the
 * agency's cell is); "peer_size" / "peer_region": other partner agencies of its size band / region.
 */
export const populations = ["agency", "rest", "peer_size", "peer_region"] as const;
export type Population = (typeof populations)[number];

/**
 * The incident type × factor table is in the book for the agency (and the rest) by year only, and only
 * for a year with at least MATRIX_MIN_REPORTS_PER_K·k reports counted toward the agency: by quarter, or
 * below that, nearly all its 666 cells are under k (at 200 reports there are ~520 citations to share
 * among them), and each one would be one more unknown to protect. Peer groups carry the four margins,
 * by year only (context for the agency's own figures: quarterly peer cells would be small and tie each
 * year to four more tables to protect).
 */
export const MATRIX_MIN_REPORTS_PER_K = 20;

export function hasMatrix(population: Population, period: PeriodLabel, matrixOpen: boolean): boolean {
  return (population === "agency" || population === "rest") && !isQuarter(period) && matrixOpen;
}

const T = incidentTypes.length;
const F = factors.length;
const L = lossPotentials.length;

/** Cell positions within one population's tables: n, incident types, factors, loss potentials, type × factor. */
export const CELL = {
  total: 0,
  incident: (t: number) => 1 + t,
  factor: (f: number) => 1 + T + f,
  loss: (l: number) => 1 + T + F + l,
  matrix: (t: number, f: number) => 1 + T + F + L + t * F + f,
} as const;
export const MARGIN_CELLS = 1 + T + F + L;
export const MATRIX_CELLS = MARGIN_CELLS + T * F;

export function cellCount(population: Population, period: PeriodLabel, matrixOpen = false): number {
  if (hasMatrix(population, period, matrixOpen)) return MATRIX_CELLS;
  return isQuarter(period) && (population === "peer_size" || population === "peer_region") ? 0 : MARGIN_CELLS;
}

/** A cell's stable name (storage, API): n, i:<type>, f:<factor>, l:<loss>, if:<type>:<factor>. */
export function cellKey(index: number): string {
  if (index === CELL.total) return "n";
  if (index < 1 + T) return `i:${incidentTypes[index - 1]!.code}`;
  if (index < 1 + T + F) return `f:${factors[index - 1 - T]!.code}`;
  if (index < MARGIN_CELLS) return `l:${lossPotentials[index - 1 - T - F]!.code}`;
  const m = index - MARGIN_CELLS;
  return `if:${incidentTypes[Math.floor(m / F)]!.code}:${factors[m % F]!.code}`;
}

/** Positions of the codes in the taxonomy lists, which the cells follow. */
export const typeIndex = new Map(incidentTypes.map((t, i) => [t.code as string, i]));
export const factorIndex = new Map(factors.map((f, i) => [f.code as string, i]));
export const lossIndex = new Map(lossPotentials.map((l, i) => [l.code as string, i]));

/** The position of a cell by its name, or undefined. */
export function cellIndex(key: string): number | undefined {
  if (key === "n") return CELL.total;
  const [kind, a, b] = key.split(":");
  if (kind === "i" && a && typeIndex.has(a)) return CELL.incident(typeIndex.get(a)!);
  if (kind === "f" && a && factorIndex.has(a)) return CELL.factor(factorIndex.get(a)!);
  if (kind === "l" && a && lossIndex.has(a)) return CELL.loss(lossIndex.get(a)!);
  if (kind === "if" && a && b && typeIndex.has(a) && factorIndex.has(b))
    return CELL.matrix(typeIndex.get(a)!, factorIndex.get(b)!);
  return undefined;
}

/** Table a cell belongs to, from the lowest level up (complements are taken from the lowest first). */
export function cellLevel(index: number): 0 | 1 | 2 {
  if (index >= MARGIN_CELLS) return 0;
  return index === CELL.total ? 2 : 1;
}

/**
 * lower ≤ Σ coefficient·cell ≤ upper, where the bound may scale a cell of the same population:
 * every relation here holds for any set of published reports, whatever its values.
 */
export interface Relation {
  terms: readonly { cell: number; coef: number }[];
  lower: number;
  upper: number;
}

const MAX = MAX_FACTORS_PER_REPORT;

/**
 * The relations among one population's cells in one period: each report has one incident type and one
 * loss potential (total = Σ types = Σ losses), cites 1..5 factors (total ≤ Σ factors ≤ 5·total, each
 * factor ≤ total), and in the matrix: factor = Σ over types, type×factor ≤ type, type ≤ Σ its row ≤ 5·type.
 */
export function periodRelations(withMatrix: boolean): Relation[] {
  const out: Relation[] = [];
  const eq = (terms: { cell: number; coef: number }[]) => out.push({ terms, lower: 0, upper: 0 });
  const between = (terms: { cell: number; coef: number }[], lower: number, upper: number) =>
    out.push({ terms, lower, upper });
  const n = CELL.total;
  eq([{ cell: n, coef: 1 }, ...incidentTypes.map((_, t) => ({ cell: CELL.incident(t), coef: -1 }))]);
  eq([{ cell: n, coef: 1 }, ...lossPotentials.map((_, l) => ({ cell: CELL.loss(l), coef: -1 }))]);
  const factorSum = factors.map((_, f) => ({ cell: CELL.factor(f), coef: 1 }));
  between([...factorSum, { cell: n, coef: -1 }], 0, Infinity);
  between([...factorSum, { cell: n, coef: -MAX }], -Infinity, 0);
  factors.forEach((_, f) =>
    between(
      [
        { cell: CELL.factor(f), coef: 1 },
        { cell: n, coef: -1 },
      ],
      -Infinity,
      0,
    ),
  );
  if (!withMatrix) return out;
  factors.forEach((_, f) =>
    eq([{ cell: CELL.factor(f), coef: 1 }, ...incidentTypes.map((__, t) => ({ cell: CELL.matrix(t, f), coef: -1 }))]),
  );
  incidentTypes.forEach((_, t) => {
    const row = factors.map((__, f) => ({ cell: CELL.matrix(t, f), coef: 1 }));
    between([...row, { cell: CELL.incident(t), coef: -1 }], 0, Infinity);
    between([...row, { cell: CELL.incident(t), coef: -MAX }], -Infinity, 0);
    factors.forEach((__, f) =>
      between(
        [
          { cell: CELL.matrix(t, f), coef: 1 },
          { cell: CELL.incident(t), coef: -1 },
        ],
        -Infinity,
        0,
      ),
    );
  });
  return out;
}

/** A period of the book: a calendar quarter of publication ("2025-Q3") or a year ("2025"). */
export type PeriodLabel = string;

export function isQuarter(period: PeriodLabel): boolean {
  return QUARTER_PATTERN.test(period);
}

export function isPeriod(value: string): boolean {
  return QUARTER_PATTERN.test(value) || YEAR_PATTERN.test(value);
}

export function yearOf(period: PeriodLabel): number {
  return Number(period.slice(0, 4));
}

export function quartersOf(year: number): PeriodLabel[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** Month indexes of a quarter or year, first and last. */
export function monthsOfPeriod(period: PeriodLabel): MonthWindow {
  return binMonths(isQuarter(period) ? "quarter" : "year", period);
}

/** The latest quarter that has ended by `today` (YYYY-MM-DD): only closed quarters are released. */
export function latestClosedQuarter(today: string): PeriodLabel {
  const month = monthIndex(today);
  return quarterOf(month - 3 - (month % 3) + 2);
}

export function nextQuarter(period: PeriodLabel): PeriodLabel {
  const { to } = monthsOfPeriod(period);
  return quarterOf(to + 1);
}

export function compareQuarters(a: PeriodLabel, b: PeriodLabel): number {
  return monthsOfPeriod(a).from - monthsOfPeriod(b).from;
}
