// The columns of every dashboard table as plain data: header, cell value and drill-down link. The screen
// turns them into TanStack columns (columns.tsx) and the CSV/XLSX exports read the same specs, so a
// download always has the screen's columns, rows and cell texts. Browser-safe, no React.
import { isSuppressed, type Share, type Suppressed } from "../../../domain/figures";
import { percent, withheldText } from "~/charts/format";
import type { Count, EmergingRow, FunnelView, PairRow } from "../view-types";
import { cell, type CellValue } from "./cell-values";

export interface ColumnSpec<Row> {
  id: string;
  header: string;
  value: (row: Row) => CellValue;
  href?: (row: Row) => string | undefined;
}

export interface ProfileTableRow {
  factor: string;
  label: string;
  family: string;
  aCount: Count;
  aShare: Share | null;
  bCount: Count | null;
  bShare: Share | null;
  prr: string;
  flagged: boolean;
  href: string;
}

export function profileColumnSpecs(aLabel: string, bLabel: string | null): ColumnSpec<ProfileTableRow>[] {
  const columns: ColumnSpec<ProfileTableRow>[] = [
    // The flag has a column of its own: a mark inside the name broke sorting and lookups in spreadsheets.
    { id: "label", header: "Factor", value: (r) => cell.text(r.label), href: (r) => r.href },
    { id: "family", header: "Family", value: (r) => cell.text(r.family) },
    { id: "aShare", header: `${aLabel}: share (95% interval)`, value: (r) => cell.share(r.aShare) },
    { id: "aCount", header: `${aLabel}: reports`, value: (r) => cell.count(r.aCount) },
  ];
  if (bLabel) {
    columns.push(
      { id: "bShare", header: `${bLabel}: share (95% interval)`, value: (r) => cell.share(r.bShare) },
      { id: "bCount", header: `${bLabel}: reports`, value: (r) => cell.count(r.bCount) },
      { id: "prr", header: "PRR (95% interval)", value: (r) => cell.text(r.prr.replace(/ flagged$/, "")) },
      { id: "flag", header: "Flag", value: (r) => cell.text(r.flagged ? "cited more often" : "") },
    );
  }
  return columns;
}

export interface PeriodProfileTableRow {
  factor: string;
  label: string;
  family: string;
  aCount: Count;
  aShare: Share | null;
  bCount: Count;
  bShare: Share | null;
  difference: { difference: number; lower: number; upper: number } | Suppressed | null;
  href: string;
}

/**
 * A difference of shares in percentage points, in words, with its signed 95% interval. Not "+0.9": the
 * exports' formula guard quotes a cell that starts with "+", so a spreadsheet would show "'+0.9".
 */
export function differenceText(value: PeriodProfileTableRow["difference"]): string {
  if (value === null) return "—";
  if (isSuppressed(value)) return withheldText(value);
  const pp = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v * 100).toFixed(1)}`;
  const size = Math.abs(value.difference * 100).toFixed(1);
  const words = size === "0.0" ? "0.0 pts" : `${size} pts ${value.difference > 0 ? "higher" : "lower"}`;
  return `${words} (${pp(value.lower)} to ${pp(value.upper)})`;
}

export function periodProfileColumnSpecs(aLabel: string, bLabel: string): ColumnSpec<PeriodProfileTableRow>[] {
  return [
    { id: "label", header: "Factor", value: (r) => cell.text(r.label), href: (r) => r.href },
    { id: "family", header: "Family", value: (r) => cell.text(r.family) },
    { id: "aShare", header: `${aLabel}: share (95% interval)`, value: (r) => cell.share(r.aShare) },
    { id: "aCount", header: `${aLabel}: reports`, value: (r) => cell.count(r.aCount) },
    { id: "bShare", header: `${bLabel}: share (95% interval)`, value: (r) => cell.share(r.bShare) },
    { id: "bCount", header: `${bLabel}: reports`, value: (r) => cell.count(r.bCount) },
    {
      id: "difference",
      header: "Difference A − B, percentage points (95% interval)",
      value: (r) => cell.text(differenceText(r.difference)),
    },
  ];
}

export interface TrendTableRow {
  bin: string;
  subject: Share | Count | null;
  subjectCount: Count | null;
  reference: Share | Count | null;
  href: string;
}

/** A series value: a count, or a share with its interval (a withheld value reads the same either way). */
function shareOrCount(value: Share | Count | null): CellValue {
  if (value === null) return cell.text("—");
  if (typeof value === "number" || isSuppressed(value)) return cell.count(value as Count);
  return cell.share(value);
}

export function trendColumnSpecs(
  binLabel: string,
  subjectLabel: string,
  referenceLabel: string | null,
  unit: "share" | "count",
): ColumnSpec<TrendTableRow>[] {
  const what = unit === "share" ? "share (95% interval)" : "reports";
  const columns: ColumnSpec<TrendTableRow>[] = [
    { id: "bin", header: binLabel, value: (r) => cell.text(r.bin), href: (r) => r.href },
    { id: "subject", header: `${subjectLabel}: ${what}`, value: (r) => shareOrCount(r.subject) },
  ];
  if (unit === "share")
    columns.push({
      id: "subjectCount",
      header: `${subjectLabel}: reports citing it`,
      value: (r) => cell.count(r.subjectCount),
    });
  if (referenceLabel)
    columns.push({ id: "reference", header: `${referenceLabel}: ${what}`, value: (r) => shareOrCount(r.reference) });
  return columns;
}

export interface HeatmapTableRow {
  code: string;
  label: string;
  reports: Count;
  cells: { count: Count; share: Share | null; href: string }[];
}

export function heatmapColumnSpecs(factors: { code: string; label: string }[]): ColumnSpec<HeatmapTableRow>[] {
  return [
    { id: "label", header: "Incident type", value: (r) => cell.text(r.label) },
    { id: "reports", header: "Reports", value: (r) => cell.count(r.reports) },
    ...factors.map((f, i): ColumnSpec<HeatmapTableRow> => ({
      id: f.code,
      header: f.label,
      value: (r) => cell.share(r.cells[i]!.share, false),
      href: (r) => (isSuppressed(r.cells[i]!.count) ? undefined : r.cells[i]!.href),
    })),
  ];
}

export interface LossTableRow {
  key: string;
  label: string;
  aReports: Count;
  aShares: (Share | null)[];
  bShares: (Share | null)[] | null;
}

export function lossColumnSpecs(
  categories: { code: string; label: string }[],
  aLabel: string,
  bLabel: string | null,
): ColumnSpec<LossTableRow>[] {
  return [
    { id: "label", header: "Reports", value: (r) => cell.text(r.label) },
    { id: "aReports", header: `${aLabel}: reports`, value: (r) => cell.count(r.aReports) },
    ...categories.flatMap((c, i): ColumnSpec<LossTableRow>[] => [
      { id: `a-${c.code}`, header: `${c.label}: ${aLabel}`, value: (r) => cell.share(r.aShares[i]) },
      ...(bLabel
        ? [
            {
              id: `b-${c.code}`,
              header: `${c.label}: ${bLabel}`,
              value: (r: LossTableRow) => cell.share(r.bShares?.[i]),
            },
          ]
        : []),
    ]),
  ];
}

export type EmergingTableRow = EmergingRow & { href: string };

const orDash = (v: number | null, show: (v: number) => string) => cell.text(v === null ? "—" : show(v));

export const emergingColumnSpecs: ColumnSpec<EmergingTableRow>[] = [
  { id: "label", header: "Series", value: (r) => cell.text(r.label), href: (r) => r.href },
  { id: "dimension", header: "Kind", value: (r) => cell.text(r.dimension === "factor" ? "Factor" : "Incident type") },
  { id: "areaLabel", header: "Area", value: (r) => cell.text(r.areaLabel) },
  { id: "from", header: "Months", value: (r) => cell.text(`${r.from} to ${r.to}`) },
  { id: "share", header: "Share of reports", value: (r) => orDash(r.share, (v) => percent(v)) },
  { id: "baselineShare", header: "Previous 24 months", value: (r) => orDash(r.baselineShare, (v) => percent(v)) },
  { id: "ratio", header: "Ratio", value: (r) => orDash(r.ratio, (v) => `${v.toFixed(2)}×`) },
  { id: "highestLevel", header: "Alert level", value: (r) => cell.text(`above level ${r.highestLevel}`) },
  {
    id: "qValue",
    header: "q-value",
    value: (r) =>
      cell.text(`${r.qValue < 0.001 ? "< 0.001" : r.qValue.toFixed(3)}${r.significant ? " (significant)" : ""}`),
  },
];

export interface FunnelTableRow {
  key: string;
  group: string;
  agencies: number;
}

export const funnelColumnSpecs: ColumnSpec<FunnelTableRow>[] = [
  { id: "group", header: "Agencies (anonymous)", value: (r) => cell.text(r.group) },
  { id: "agencies", header: "Number of agencies", value: (r) => cell.number(r.agencies) },
];

export function funnelRows(funnel: FunnelView): FunnelTableRow[] {
  const count = (positions: string[]) => funnel.points.filter((p) => positions.includes(p.position)).length;
  return [
    { key: "above998", group: "Above the 99.8% limit", agencies: count(["above_99_8"]) },
    { key: "above95", group: "Above the 95% limit (not 99.8%)", agencies: count(["above_95"]) },
    { key: "within", group: "Within the limits", agencies: count(["within"]) },
    { key: "below95", group: "Below the 95% limit (not 99.8%)", agencies: count(["below_95"]) },
    { key: "below998", group: "Below the 99.8% limit", agencies: count(["below_99_8"]) },
    { key: "withheld", group: "Figures withheld (privacy)", agencies: funnel.withheld },
  ];
}

export interface LimitTableRow {
  n: number;
  lower998: number;
  lower95: number;
  upper95: number;
  upper998: number;
}

export const limitColumnSpecs: ColumnSpec<LimitTableRow>[] = [
  { id: "n", header: "Reports", value: (r) => cell.number(r.n) },
  { id: "lower998", header: "99.8% lower", value: (r) => cell.text(percent(r.lower998)) },
  { id: "lower95", header: "95% lower", value: (r) => cell.text(percent(r.lower95)) },
  { id: "upper95", header: "95% upper", value: (r) => cell.text(percent(r.upper95)) },
  { id: "upper998", header: "99.8% upper", value: (r) => cell.text(percent(r.upper998)) },
];

export interface RegionTableRow {
  region: string;
  label: string;
  reports: number;
  shares: (Share | null)[];
  hrefs: string[];
}

export function regionColumnSpecs(factors: { code: string; label: string }[]): ColumnSpec<RegionTableRow>[] {
  return [
    { id: "label", header: "Census region", value: (r) => cell.text(r.label) },
    { id: "reports", header: "Reports", value: (r) => cell.number(r.reports, true) },
    ...factors.map((f, i): ColumnSpec<RegionTableRow> => ({
      id: f.code,
      header: f.label,
      value: (r) => cell.share(r.shares[i]),
      href: (r) => r.hrefs[i],
    })),
  ];
}

export type PairTableRow = PairRow & { href: string };

function lift(v: number | Suppressed | null): CellValue {
  if (v === null) return cell.text("—");
  return typeof v === "number" ? cell.text(`${v.toFixed(2)}×`) : cell.count(v);
}

export const pairColumnSpecs: ColumnSpec<PairTableRow>[] = [
  { id: "aLabel", header: "Factor", value: (r) => cell.text(r.aLabel), href: (r) => r.href },
  { id: "bLabel", header: "Cited with", value: (r) => cell.text(r.bLabel) },
  { id: "count", header: "Reports citing both", value: (r) => cell.count(r.count) },
  { id: "share", header: "Share of all reports", value: (r) => cell.share(r.share) },
  { id: "lift", header: "Lift", value: (r) => lift(r.lift) },
];
