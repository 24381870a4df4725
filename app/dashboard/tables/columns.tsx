// Typed columns of every dashboard table, rendered by the generic DataTable (through StaticTable).
// Sorting is off: each table lists a chart's figures in the chart's order.
import { createColumnHelper } from "@tanstack/react-table";
import { isSuppressed, type Share } from "../../../analytics/privacy/figures";
import { changeText, percent } from "~/charts/format";
import type { DataTableColumn, DataTableFeatures } from "~/library/data-table";
import type { Count, EmergingRow, FunnelView, PairRow } from "../view-types";
import { CountCell, DrillLink, ShareCell } from "./cells";

const off = { enableSorting: false } as const;

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

export function profileColumns(aLabel: string, bLabel: string | null): DataTableColumn<ProfileTableRow>[] {
  const h = createColumnHelper<DataTableFeatures, ProfileTableRow>();
  const columns: DataTableColumn<ProfileTableRow>[] = [
    h.accessor("label", { ...off, header: "Factor", cell: ({ row }) => <DrillLink href={row.original.href}>{row.original.flagged ? "▲ " : ""}{row.original.label}</DrillLink> }),
    h.accessor("family", { ...off, header: "Family" }),
    h.accessor("aShare", { ...off, header: `${aLabel}: share (95% interval)`, cell: ({ getValue }) => <ShareCell value={getValue()} /> }),
    h.accessor("aCount", { ...off, header: `${aLabel}: reports`, cell: ({ getValue }) => <CountCell value={getValue()} /> }),
  ];
  if (bLabel) {
    columns.push(
      h.accessor("bShare", { ...off, header: `${bLabel}: share (95% interval)`, cell: ({ getValue }) => <ShareCell value={getValue()} /> }),
      h.accessor("bCount", { ...off, header: `${bLabel}: reports`, cell: ({ getValue }) => <CountCell value={getValue()} /> }),
      h.accessor("prr", { ...off, header: "PRR (95% interval)" }),
    );
  }
  return columns;
}

export interface TrendTableRow {
  bin: string;
  subject: Share | Count | null;
  subjectCount: Count | null;
  reference: Share | Count | null;
  href: string;
}

function shareOrCount(value: Share | Count | null) {
  if (value === null) return <>—</>;
  if (typeof value === "number" || ("suppressed" in value && !("share" in value))) return <CountCell value={value as Count} />;
  return <ShareCell value={value as Share} />;
}

export function trendColumns(binLabel: string, subjectLabel: string, referenceLabel: string | null, unit: "share" | "count"): DataTableColumn<TrendTableRow>[] {
  const h = createColumnHelper<DataTableFeatures, TrendTableRow>();
  const what = unit === "share" ? "share (95% interval)" : "reports";
  const columns: DataTableColumn<TrendTableRow>[] = [
    h.accessor("bin", { ...off, header: binLabel, cell: ({ row }) => <DrillLink href={row.original.href}>{row.original.bin}</DrillLink> }),
    h.accessor("subject", { ...off, header: `${subjectLabel}: ${what}`, cell: ({ getValue }) => shareOrCount(getValue()) }),
  ];
  if (unit === "share") columns.push(h.accessor("subjectCount", { ...off, header: `${subjectLabel}: reports citing it`, cell: ({ getValue }) => <CountCell value={getValue()} /> }));
  if (referenceLabel) columns.push(h.accessor("reference", { ...off, header: `${referenceLabel}: ${what}`, cell: ({ getValue }) => shareOrCount(getValue()) }));
  return columns;
}

export interface HeatmapTableRow {
  code: string;
  label: string;
  reports: Count;
  cells: { count: Count; share: Share | null; href: string }[];
}

export function heatmapColumns(factors: { code: string; label: string }[]): DataTableColumn<HeatmapTableRow>[] {
  const h = createColumnHelper<DataTableFeatures, HeatmapTableRow>();
  return [
    h.accessor("label", { ...off, header: "Incident type" }),
    h.accessor("reports", { ...off, header: "Reports", cell: ({ getValue }) => <CountCell value={getValue()} /> }),
    ...factors.map((f, i) =>
      h.display({
        ...off,
        id: f.code,
        header: f.label,
        cell: ({ row }) => {
          const cell = row.original.cells[i]!;
          return <DrillLink href={isSuppressed(cell.count) ? undefined : cell.href}><ShareCell value={cell.share} interval={false} /></DrillLink>;
        },
      }),
    ),
  ];
}

export interface LossTableRow {
  key: string;
  label: string;
  aReports: Count;
  aShares: (Share | null)[];
  bShares: (Share | null)[] | null;
}

export function lossColumns(categories: { code: string; label: string }[], aLabel: string, bLabel: string | null): DataTableColumn<LossTableRow>[] {
  const h = createColumnHelper<DataTableFeatures, LossTableRow>();
  return [
    h.accessor("label", { ...off, header: "Reports" }),
    h.accessor("aReports", { ...off, header: `${aLabel}: reports`, cell: ({ getValue }) => <CountCell value={getValue()} /> }),
    ...categories.flatMap((c, i) => [
      h.display({ ...off, id: `a-${c.code}`, header: `${c.label}: ${aLabel}`, cell: ({ row }) => <ShareCell value={row.original.aShares[i]} /> }),
      ...(bLabel ? [h.display({ ...off, id: `b-${c.code}`, header: `${c.label}: ${bLabel}`, cell: ({ row }) => <ShareCell value={row.original.bShares?.[i]} /> })] : []),
    ]),
  ];
}

export type EmergingTableRow = EmergingRow & { href: string };

const h3 = createColumnHelper<DataTableFeatures, EmergingTableRow>();
export const emergingColumns: DataTableColumn<EmergingTableRow>[] = [
  h3.accessor("label", { ...off, header: "Series", cell: ({ row }) => <DrillLink href={row.original.href}>{row.original.label}</DrillLink> }),
  h3.accessor("dimension", { ...off, header: "Kind", cell: ({ getValue }) => (getValue() === "factor" ? "Factor" : "Incident type") }),
  h3.accessor("areaLabel", { ...off, header: "Area" }),
  h3.accessor("from", { ...off, header: "Months", cell: ({ row }) => `${row.original.from} to ${row.original.to}` }),
  h3.accessor("share", { ...off, header: "Share of reports", cell: ({ getValue }) => { const v = getValue(); return v === null ? "—" : percent(v); } }),
  h3.accessor("baselineShare", { ...off, header: "Previous 24 months", cell: ({ getValue }) => { const v = getValue(); return v === null ? "—" : percent(v); } }),
  h3.accessor("ratio", { ...off, header: "Ratio", cell: ({ getValue }) => { const v = getValue(); return v === null ? "—" : `${v.toFixed(2)}×`; } }),
  h3.accessor("highestLevel", { ...off, header: "Alert level", cell: ({ getValue }) => `above level ${getValue()}` }),
  h3.accessor("qValue", { ...off, header: "q-value", cell: ({ row }) => `${row.original.qValue < 0.001 ? "< 0.001" : row.original.qValue.toFixed(3)}${row.original.significant ? " (significant)" : ""}` }),
];

export interface FunnelTableRow {
  key: string;
  group: string;
  agencies: number;
}

const h4 = createColumnHelper<DataTableFeatures, FunnelTableRow>();
export const funnelColumns: DataTableColumn<FunnelTableRow>[] = [
  h4.accessor("group", { ...off, header: "Agencies (anonymous)" }),
  h4.accessor("agencies", { ...off, header: "Number of agencies" }),
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

const h5 = createColumnHelper<DataTableFeatures, LimitTableRow>();
export const limitColumns: DataTableColumn<LimitTableRow>[] = [
  h5.accessor("n", { ...off, header: "Reports" }),
  h5.accessor("lower998", { ...off, header: "99.8% lower", cell: ({ getValue }) => percent(getValue()) }),
  h5.accessor("lower95", { ...off, header: "95% lower", cell: ({ getValue }) => percent(getValue()) }),
  h5.accessor("upper95", { ...off, header: "95% upper", cell: ({ getValue }) => percent(getValue()) }),
  h5.accessor("upper998", { ...off, header: "99.8% upper", cell: ({ getValue }) => percent(getValue()) }),
];

export interface RegionTableRow {
  region: string;
  label: string;
  reports: number;
  shares: (Share | null)[];
  hrefs: string[];
}

export function regionColumns(factors: { code: string; label: string }[]): DataTableColumn<RegionTableRow>[] {
  const h = createColumnHelper<DataTableFeatures, RegionTableRow>();
  return [
    h.accessor("label", { ...off, header: "Census region" }),
    h.accessor("reports", { ...off, header: "Reports", cell: ({ getValue }) => getValue().toLocaleString("en-US") }),
    ...factors.map((f, i) => h.display({
      ...off, id: f.code, header: f.label,
      cell: ({ row }) => <DrillLink href={row.original.hrefs[i]}><ShareCell value={row.original.shares[i]} /></DrillLink>,
    })),
  ];
}

export type PairTableRow = PairRow & { href: string };

const h6 = createColumnHelper<DataTableFeatures, PairTableRow>();
export const pairColumns: DataTableColumn<PairTableRow>[] = [
  h6.accessor("aLabel", { ...off, header: "Factor", cell: ({ row }) => <DrillLink href={row.original.href}>{row.original.aLabel}</DrillLink> }),
  h6.accessor("bLabel", { ...off, header: "Cited with" }),
  h6.accessor("count", { ...off, header: "Reports citing both", cell: ({ getValue }) => <CountCell value={getValue()} /> }),
  h6.accessor("share", { ...off, header: "Share of all reports", cell: ({ getValue }) => <ShareCell value={getValue()} /> }),
  h6.accessor("lift", { ...off, header: "Lift", cell: ({ getValue }) => { const v = getValue(); return v === null ? "—" : typeof v === "number" ? `${v.toFixed(2)}×` : changeText(v); } }),
];
