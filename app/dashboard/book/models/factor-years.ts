import { type Count, isSuppressed, type Suppressed } from "../../../../domain/figures";
import type { AgencyBookView } from "../../agency-view-types";
import { table, type TableModel } from "../../models/panel-model";
import { factorYearColumns, type FactorYearsRow } from "../columns";
import { sharedLibraryHref } from "../drill-down";
import { collapsedRows } from "../factor-order";

type Row = AgencyBookView["factorYears"]["rows"][number];

const withheld = (y: Row["years"][number]) => isSuppressed(y.count) || (y.share !== null && isSuppressed(y.share));
const releasedCount = (c: Count | null) => (typeof c === "number" ? c : 0);

export const FACTOR_YEARS_CAPTION = "Every factor, the book's years side by side";

/**
 * Every factor's yearly share and count as the book released them, one column pair per year (issue:
 * "the book's years side by side"). Factors with a released report in some year first, most cited over
 * the released years first; factors withheld in every year collapsed into one line, with no figure of
 * theirs; factors no released cell cites last.
 */
export function factorYearsTable(view: AgencyBookView): TableModel<FactorYearsRow> {
  const { years, totals, rows } = view.factorYears;
  const shown: Row[] = [];
  const hidden: Row[] = [];
  const zero: Row[] = [];
  for (const r of rows) {
    if (r.years.some((y) => releasedCount(y.count) > 0)) shown.push(r);
    else if (r.years.some(withheld)) hidden.push(r);
    else zero.push(r);
  }
  const sum = (r: Row) => r.years.reduce((s, y) => s + releasedCount(y.count), 0);
  shown.sort((a, b) => sum(b) - sum(a));
  const toRow = (r: Row): FactorYearsRow => ({
    key: r.factor,
    label: r.label,
    family: r.family,
    years: r.years.map((y) => ({ count: y.count, share: y.share })),
    href: sharedLibraryHref({ factor: r.factor }),
  });
  // The collapsed line says which years hold withheld cells (the first reason), never a number.
  const hiddenIn = (i: number): Suppressed | null => {
    for (const r of hidden) {
      const y = r.years[i]!;
      if (isSuppressed(y.count)) return y.count;
      if (y.share !== null && isSuppressed(y.share)) return y.share;
    }
    return null;
  };
  const collapsed: FactorYearsRow[] = collapsedRows(hidden, () => ({
    years: years.map((_, i) => ({ count: hiddenIn(i), share: hiddenIn(i) })),
  }));
  const total: FactorYearsRow = {
    key: "total",
    label: "All reports counted toward your agency",
    family: "—",
    years: totals.map((t) => ({ count: t.count, share: null })),
  };
  return table({
    id: "factor-years",
    caption: FACTOR_YEARS_CAPTION,
    columns: factorYearColumns(years),
    rows: [total, ...shown.map(toRow), ...collapsed, ...zero.map(toRow)],
    rowId: (r) => r.key,
    empty: "Your agency's book has no released year yet.",
  });
}
