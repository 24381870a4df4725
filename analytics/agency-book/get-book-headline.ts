import { type Count, isSuppressed, suppressed, type Suppressed } from "../../domain/figures";
import { isQuarter } from "../release-book/book-layout";
import type { AgencyBook } from "../release-book/read-book";

export interface BookComparison {
  label: string;
  period: string;
  count: Count;
  /** Relative change from that period to the chosen one, or withheld when either count is. */
  change: number | Suppressed | null;
}

export interface BookHeadline {
  period: string;
  reports: Count;
  previous: BookComparison | null;
  /** For a quarter: the same quarter a year before. */
  yearBefore: BookComparison | null;
}

function compare(
  book: AgencyBook,
  period: string,
  other: string,
  label: string,
  reports: Count,
): BookComparison | null {
  const count = book.cell(other, "agency", "n");
  if (count === null) return null;
  const change =
    isSuppressed(count) || isSuppressed(reports)
      ? suppressed("derived")
      : count === 0
        ? null
        : (reports - count) / count;
  return { label, period: other, count, change };
}

/** Reports counted toward the agency in the chosen period, against the period before (and a year before). */
export function getBookHeadline(book: AgencyBook, period: string): BookHeadline {
  const reports = book.cell(period, "agency", "n") ?? 0;
  if (!isQuarter(period)) {
    const previous = String(Number(period) - 1);
    return { period, reports, previous: compare(book, period, previous, `${previous}`, reports), yearBefore: null };
  }
  const list = book.quarters;
  const i = list.indexOf(period);
  const before = i > 0 ? list[i - 1]! : null;
  const lastYear = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
  return {
    period,
    reports,
    previous: before ? compare(book, period, before, before, reports) : null,
    yearBefore: compare(book, period, lastYear, lastYear, reports),
  };
}
