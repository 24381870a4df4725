import { factors, incidentTypes } from "../../domain/taxonomy/index";
import type { Count, Share } from "../../domain/figures";
import type { AgencyBook } from "../release-book/read-book";
import { shareOf } from "./book-figures";

/** Incident types × factors: each row's reports and, per chosen factor, its count and share of them. */
export interface FactorMatrix {
  factors: { code: string; label: string }[];
  rows: { code: string; label: string; reports: Count; cells: { count: Count; share: Share | null }[] }[];
}

export interface BookMatrix extends FactorMatrix {
  year: string;
}

/**
 * Reports of each incident type citing each factor in one year of the book, with the share of the
 * type's reports: null when the book has no such table for the year (it holds the incident type ×
 * factor table only for years with enough reports to release some of its cells).
 */
export function getBookMatrix(
  book: AgencyBook,
  choice: { year: string; factors: readonly string[] },
): BookMatrix | null {
  if (!book.hasMatrix(choice.year)) return null;
  const chosen = factors.filter((f) => choice.factors.includes(f.code));
  return {
    year: choice.year,
    factors: chosen.map((f) => ({ code: f.code, label: f.label })),
    rows: incidentTypes.map((t) => {
      const reports = book.cell(choice.year, "agency", `i:${t.code}`) ?? 0;
      return {
        code: t.code,
        label: t.label,
        reports,
        cells: chosen.map((f) => {
          const count = book.cell(choice.year, "agency", `if:${t.code}:${f.code}`) ?? 0;
          return { count, share: shareOf(count, reports) };
        }),
      };
    }),
  };
}
