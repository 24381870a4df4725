// The agency page's tables as plain column specs (header, cell value, drill-down link), read by the
// screen (TanStack columns through toColumns) and by every CSV/XLSX download alike. Column ids are
// stable codes — a factor's code, never its position — so a table keeps each figure under its own
// header when the set of columns changes between two views (shares under the wrong factor
// after in-page navigation). Browser-safe, no React.
import type { Count, Share } from "../../../domain/figures";
import { cell } from "../tables/cell-values";
import type { ColumnSpec } from "../tables/column-specs";

const SHARE = "share (95% interval)";

export interface TopFactorRow {
  key: string;
  label: string;
  year: string;
  count: Count;
  share: Share | null;
  reference: Share | null;
  href: string;
}

export function topFactorColumns(agencyLabel: string, referenceLabel: string): ColumnSpec<TopFactorRow>[] {
  return [
    { id: "label", header: "Factor", value: (r) => cell.text(r.label), href: (r) => r.href },
    { id: "year", header: "Year of publication", value: (r) => cell.text(r.year) },
    { id: "share", header: `${agencyLabel}: ${SHARE}`, value: (r) => cell.share(r.share) },
    { id: "count", header: `${agencyLabel}: reports citing it`, value: (r) => cell.count(r.count) },
    { id: "reference", header: `${referenceLabel}: ${SHARE}`, value: (r) => cell.share(r.reference) },
  ];
}

export interface FactorYearsRow {
  key: string;
  label: string;
  family: string;
  /** Aligned with the years of the columns. */
  years: { count: Count | null; share: Share | null }[];
  href?: string;
}

/** One column pair per released year of publication: ids carry the year, never a position. */
export function factorYearColumns(years: string[]): ColumnSpec<FactorYearsRow>[] {
  return [
    { id: "label", header: "Factor", value: (r) => cell.text(r.label), href: (r) => r.href },
    { id: "family", header: "Family", value: (r) => cell.text(r.family) },
    ...years.flatMap((year, i): ColumnSpec<FactorYearsRow>[] => [
      { id: `${year}-share`, header: `${year}: ${SHARE}`, value: (r) => cell.share(r.years[i]?.share) },
      { id: `${year}-count`, header: `${year}: reports`, value: (r) => cell.count(r.years[i]?.count) },
    ]),
  ];
}

export interface QuarterRow {
  quarter: string;
  book: Count | null;
  shared: number | null;
}

export function quarterColumns(bookLabel: string, sharedLabel: string): ColumnSpec<QuarterRow>[] {
  return [
    { id: "quarter", header: "Quarter of publication", value: (r) => cell.text(r.quarter) },
    { id: "book", header: bookLabel, value: (r) => (r.book === null ? cell.text("not released") : cell.count(r.book)) },
    { id: "shared", header: sharedLabel, value: (r) => (r.shared === null ? cell.text("—") : cell.count(r.shared)) },
  ];
}

export interface BookProfileTableRow {
  key: string;
  label: string;
  family: string;
  aCount: Count | null;
  aShare: Share | null;
  bCount: Count | null;
  bShare: Share | null;
  /** The analyst's column: proportional reporting ratio with its interval (docs/design.md §7). */
  prr: string;
  flag: string;
  href?: string;
}

export function bookProfileColumns(aLabel: string | null, bLabel: string | null): ColumnSpec<BookProfileTableRow>[] {
  const columns: ColumnSpec<BookProfileTableRow>[] = [
    { id: "label", header: "Factor", value: (r) => cell.text(r.label), href: (r) => r.href },
    { id: "family", header: "Family", value: (r) => cell.text(r.family) },
  ];
  if (aLabel) {
    columns.push(
      { id: "aShare", header: `${aLabel}: ${SHARE}`, value: (r) => cell.share(r.aShare) },
      { id: "aCount", header: `${aLabel}: reports`, value: (r) => cell.count(r.aCount) },
    );
  }
  if (bLabel) {
    columns.push(
      { id: "bShare", header: `${bLabel}: ${SHARE}`, value: (r) => cell.share(r.bShare) },
      { id: "bCount", header: `${bLabel}: reports`, value: (r) => cell.count(r.bCount) },
    );
  }
  if (aLabel && bLabel) {
    columns.push(
      { id: "prr", header: "PRR (95% interval)", value: (r) => cell.text(r.prr) },
      { id: "flag", header: "Flag", value: (r) => cell.text(r.flag) },
    );
  }
  return columns;
}

export interface MatrixTableRow {
  code: string;
  label: string;
  reports: Count;
  /** Keyed by factor code: a column reads its own factor's cell whatever the column order. */
  cells: Record<string, { count: Count; share: Share | null; href?: string }>;
}

export function matrixColumns(factors: { code: string; label: string }[]): ColumnSpec<MatrixTableRow>[] {
  return [
    { id: "label", header: "Incident type", value: (r) => cell.text(r.label) },
    { id: "reports", header: "Reports", value: (r) => cell.count(r.reports) },
    ...factors.map((f): ColumnSpec<MatrixTableRow> => ({
      id: `factor-${f.code}`,
      header: f.label,
      value: (r) => cell.share(r.cells[f.code]?.share ?? null, false),
      href: (r) => r.cells[f.code]?.href,
    })),
  ];
}

export interface LossRow {
  code: string;
  label: string;
  aShare: Share | null;
  aCount: Count | null;
  bShare: Share | null;
  bCount: Count | null;
}

export function lossColumns(aLabel: string, bLabel: string | null): ColumnSpec<LossRow>[] {
  return [
    { id: "label", header: "Could have been", value: (r) => cell.text(r.label) },
    { id: "aShare", header: `${aLabel}: ${SHARE}`, value: (r) => cell.share(r.aShare) },
    { id: "aCount", header: `${aLabel}: reports`, value: (r) => cell.count(r.aCount) },
    ...(bLabel
      ? [
          { id: "bShare", header: `${bLabel}: ${SHARE}`, value: (r: LossRow) => cell.share(r.bShare) },
          { id: "bCount", header: `${bLabel}: reports`, value: (r: LossRow) => cell.count(r.bCount) },
        ]
      : []),
  ];
}

export interface SharedFactorRow {
  factor: string;
  label: string;
  sharedShare: Share | null;
  sharedCount: number;
  nationShare: Share | null;
  nationCount: number;
  href: string;
}

export function sharedFactorColumns(sharedLabel: string, nationLabel: string): ColumnSpec<SharedFactorRow>[] {
  return [
    { id: "label", header: "Factor", value: (r) => cell.text(r.label), href: (r) => r.href },
    { id: "sharedShare", header: `${sharedLabel}: ${SHARE}`, value: (r) => cell.share(r.sharedShare) },
    { id: "sharedCount", header: `${sharedLabel}: reports`, value: (r) => cell.count(r.sharedCount) },
    { id: "nationShare", header: `${nationLabel}: ${SHARE}`, value: (r) => cell.share(r.nationShare) },
    { id: "nationCount", header: `${nationLabel}: reports`, value: (r) => cell.count(r.nationCount) },
  ];
}
