import { factors, labels } from "../../domain/taxonomy/index";
import type { Count, Share } from "../../domain/figures";
import type { AgencyBook } from "../release-book/read-book";
import { released, shareOf } from "./book-figures";
import { type Reference, referencePopulation } from "./reference";

export interface YearPoint {
  year: string;
  count: Count;
  share: Share | null;
  reference: Share | null;
}

export interface FactorTrend {
  factor: string;
  label: string;
  years: YearPoint[];
  /** The latest two released years, in plain words (null when either is withheld). */
  change: FactorChange | null;
}

export interface FactorChange {
  from: string;
  to: string;
  before: number;
  after: number;
  /** The 95% intervals do not overlap: a change larger than chance would easily explain. */
  clear: boolean;
  direction: "up" | "down" | "same";
}

export interface BookTrends {
  reference: Reference;
  years: string[];
  /** Reports counted toward the agency per year of publication. */
  yearTotals: { year: string; count: Count }[];
  /** Per quarter of publication (the book's; the free layer adds the shared reports' own totals). */
  quarterTotals: { quarter: string; count: Count }[];
  factors: FactorTrend[];
}

/** Factors most cited over the released years (withheld years count for nothing), most cited first. */
export function topBookFactors(book: AgencyBook, count: number): string[] {
  const totals = factors.map((f) => {
    let sum = 0;
    for (const year of book.years) {
      const c = book.cell(year, "agency", `f:${f.code}`);
      if (released(c)) sum += c;
    }
    return { code: f.code, sum };
  });
  return totals
    .filter((t) => t.sum > 0)
    .sort((a, b) => b.sum - a.sum || a.code.localeCompare(b.code))
    .slice(0, count)
    .map((t) => t.code);
}

function changeOf(points: YearPoint[]): FactorChange | null {
  const shown = points.filter((p) => p.share && !("suppressed" in p.share));
  if (shown.length < 2) return null;
  const [a, b] = shown.slice(-2) as [YearPoint, YearPoint];
  const before = a.share as { share: number; lower: number; upper: number };
  const after = b.share as { share: number; lower: number; upper: number };
  const clear = after.lower > before.upper || after.upper < before.lower;
  const direction = Math.abs(after.share - before.share) < 0.005 ? "same" : after.share > before.share ? "up" : "down";
  return { from: a.year, to: b.year, before: before.share, after: after.share, clear, direction };
}

/**
 * The agency's year-by-year shares of the given factors (from the book's yearly tables) next to the
 * reference's, and its yearly and quarterly totals: what a commander reads over time.
 */
export function getBookTrends(
  book: AgencyBook,
  choice: { factors: readonly string[]; reference: Reference },
): BookTrends {
  const population = referencePopulation[choice.reference];
  const years = book.years;
  const trend = (factor: string): FactorTrend => {
    const points = years.map((year): YearPoint => {
      const n = book.cell(year, "agency", "n") ?? 0;
      const count = book.cell(year, "agency", `f:${factor}`) ?? 0;
      return {
        year,
        count,
        share: shareOf(count, n),
        reference: shareOf(book.cell(year, population, `f:${factor}`), book.cell(year, population, "n")),
      };
    });
    return { factor, label: labels.factor(factor), years: points, change: changeOf(points) };
  };
  return {
    reference: choice.reference,
    years,
    yearTotals: years.map((year) => ({ year, count: book.cell(year, "agency", "n") ?? 0 })),
    quarterTotals: book.quarters.map((quarter) => ({ quarter, count: book.cell(quarter, "agency", "n") ?? 0 })),
    factors: choice.factors.map(trend),
  };
}
