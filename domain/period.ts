// Months as integers (year·12 + month − 1) so that windows and baselines are plain arithmetic.
// Only fixed bins exist (month, quarter, year): no day ranges (docs/design.md §6).

export type Grain = "month" | "quarter" | "year";

/** Month names, January first; their first three letters are the short form ("Sep"). */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
export const YEAR_PATTERN = /^(\d{4})$/;

/** A window of whole months, inclusive. */
export interface MonthWindow {
  from: number;
  to: number;
}

export function monthIndex(label: string): number {
  const m = MONTH_PATTERN.exec(label.slice(0, 7));
  if (!m) throw new RangeError(`Not a month: ${label}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The DATE value DuckDB stores for a month (first day). */
export function monthDate(index: number): string {
  return `${monthLabel(index)}-01`;
}

export function quarterOf(index: number): string {
  return `${Math.floor(index / 12)}-Q${Math.floor((index % 12) / 3) + 1}`;
}

/** First and last month of a bin in the given grain. */
export function binMonths(grain: Grain, label: string): MonthWindow {
  if (grain === "month") {
    const i = monthIndex(label);
    return { from: i, to: i };
  }
  if (grain === "quarter") {
    const m = QUARTER_PATTERN.exec(label);
    if (!m) throw new RangeError(`Not a quarter: ${label}`);
    const first = Number(m[1]) * 12 + (Number(m[2]) - 1) * 3;
    return { from: first, to: first + 2 };
  }
  const m = YEAR_PATTERN.exec(label);
  if (!m) throw new RangeError(`Not a year: ${label}`);
  return { from: Number(m[1]) * 12, to: Number(m[1]) * 12 + 11 };
}

/** The bin of a grain that holds a month, as a label of that grain. */
export function binOf(grain: Grain, index: number): string {
  if (grain === "month") return monthLabel(index);
  if (grain === "quarter") return quarterOf(index);
  return String(Math.floor(index / 12));
}

export function monthsOf(window: MonthWindow): number[] {
  return Array.from({ length: window.to - window.from + 1 }, (_, i) => window.from + i);
}

/** Calendar quarters lying wholly inside the window, each with its three months. */
export function wholeQuarters(window: MonthWindow): { quarter: string; months: number[] }[] {
  const out: { quarter: string; months: number[] }[] = [];
  const start = window.from + ((3 - (window.from % 3)) % 3);
  for (let first = start; first + 2 <= window.to; first += 3)
    out.push({ quarter: quarterOf(first), months: [first, first + 1, first + 2] });
  return out;
}
