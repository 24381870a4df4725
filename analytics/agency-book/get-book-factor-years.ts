import { factorFamilies, factors } from "../../domain/taxonomy/index";
import type { Count, Share } from "../../domain/figures";
import type { AgencyBook } from "../release-book/read-book";
import { shareOf } from "./book-figures";

export interface BookYearFigure {
  year: string;
  /** Null when the book has no agency table for the year (nothing released, nothing to show). */
  count: Count | null;
  share: Share | null;
}

export interface BookFactorYearsRow {
  factor: string;
  label: string;
  family: string;
  years: BookYearFigure[];
}

export interface BookFactorYears {
  years: string[];
  /** Reports counted toward the agency in each year of publication (each share's denominator). */
  totals: { year: string; count: Count | null }[];
  rows: BookFactorYearsRow[];
}

const familyLabel = new Map<string, string>(factorFamilies.map((f) => [f.code, f.label]));

/**
 * Every factor's share of the reports counted toward the agency, in each released year of publication,
 * side by side: the book's yearly cells as released (a withheld cell stays withheld, and so does a share
 * over it), never a figure computed from reports. Voluntary reports: shares of reports, not rates.
 */
export function getBookFactorYears(book: AgencyBook): BookFactorYears {
  const years = book.years;
  const totals = years.map((year) => ({ year, count: book.cell(year, "agency", "n") }));
  const rows = factors.map((f): BookFactorYearsRow => ({
    factor: f.code,
    label: f.label,
    family: familyLabel.get(f.family) ?? f.family,
    years: years.map((year, i) => {
      const count = book.cell(year, "agency", `f:${f.code}`);
      return { year, count, share: shareOf(count, totals[i]!.count) };
    }),
  }));
  return { years, totals, rows };
}
