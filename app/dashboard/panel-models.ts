// Each dashboard panel as plain data: its title, units, chart option and tables (rows with their column
// specs). The panel components draw these; the CSV/XLSX and chart-image exports read the very same models,
// so a download is the panel the person sees for the same filters. Pure and browser-safe.
import type { EChartsOption } from "echarts";
import { isSuppressed } from "../../analytics/privacy/figures";
import { percent, withheldText } from "~/charts/format";
import { funnelOption } from "~/charts/funnel";
import { groupedBarsHeight, groupedBarsOption } from "~/charts/grouped-bars";
import { heatmapHeight, heatmapOption } from "~/charts/heatmap";
import { rankedBarsHeight, rankedBarsOption } from "~/charts/ranked-bars";
import { shareComparisonHeight, shareComparisonOption, type ShareRow } from "~/charts/share-comparison";
import { trendOption } from "~/charts/trend-lines";
import { libraryHref, quarterMonths } from "./drill-down";
import type { DashboardState } from "./filter-schema";
import {
  type ColumnSpec, emergingColumnSpecs, type EmergingTableRow, funnelColumnSpecs, funnelRows, heatmapColumnSpecs, type HeatmapTableRow,
  limitColumnSpecs, lossColumnSpecs, type LossTableRow, pairColumnSpecs, type PairTableRow, profileColumnSpecs, type ProfileTableRow,
  regionColumnSpecs, type RegionTableRow, trendColumnSpecs, type TrendTableRow,
} from "./tables/column-specs";
import type {
  AgencyDashboardView, CooccurrenceView, Count, EmergingView, FunnelView, HeatmapView, LossMixView, NationalDashboardView, PeriodInfo,
  ProfileRow, ProfileView, RegionalView, TrendFactor, TrendView,
} from "./view-types";

export interface TableModel<Row = unknown> {
  /** Stable id: the file name of its download. */
  id: string;
  caption: string;
  columns: ColumnSpec<Row>[];
  rows: Row[];
  rowId: (row: Row) => string;
  empty?: string;
}

export interface ChartModel {
  option: EChartsOption;
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  /** Width the server draws at (wide charts scroll on phones). */
  ssrWidth?: number;
  scroll?: boolean;
}

export interface PanelModel {
  id: string;
  title: string;
  units: string;
  wide?: boolean;
  /** Null: nothing to draw; `emptyChart` says why. */
  chart: ChartModel | null;
  emptyChart: string;
  // Each table has its own row type; the model keeps them side by side.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tables: TableModel<any>[];
}

function table<Row>(model: TableModel<Row>): TableModel<Row> {
  return model;
}

/** Rows in the profile chart: the most cited first (released shares), then withheld ones; the table has all. */
export const PROFILE_CHART_ROWS = 15;

export function isFlagged(row: ProfileRow): boolean {
  return row.prr !== null && !isSuppressed(row.prr) && row.prr.flagged;
}

function profileRank(row: ProfileRow): number {
  const a = row.a.share;
  if (a && !isSuppressed(a)) return a.share;
  const b = row.b?.share;
  if (b && !isSuppressed(b)) return b.share / 1000;
  return -1;
}

function prrText(prr: ProfileRow["prr"]): string {
  if (prr === null) return "—";
  if (isSuppressed(prr)) return withheldText(prr);
  return `${prr.prr.toFixed(2)} (${prr.lower.toFixed(2)}–${prr.upper.toFixed(2)})${prr.flagged ? " flagged" : ""}`;
}

export function profilePanel(profile: ProfileView, state: DashboardState, period: PeriodInfo, title: string): PanelModel {
  const sorted = [...profile.rows].sort((x, y) => Number(isFlagged(y)) - Number(isFlagged(x)) || profileRank(y) - profileRank(x));
  const href = (r: ProfileRow) => libraryHref(state, period, { factor: r.factor });
  const chartRows: ShareRow[] = sorted.slice(0, PROFILE_CHART_ROWS).map((r) => ({
    key: r.factor, label: r.label, a: r.a.share, b: r.b?.share ?? null, flagged: isFlagged(r), href: href(r),
  }));
  const rows: ProfileTableRow[] = sorted.map((r) => ({
    factor: r.factor, label: r.label, family: r.family, aCount: r.a.count, aShare: r.a.share, bCount: r.b?.count ?? null, bShare: r.b?.share ?? null,
    prr: prrText(r.prr), flagged: isFlagged(r), href: href(r),
  }));
  const nothing = profile.rows.every((r) => r.a.share === null && (r.b?.share ?? null) === null);
  return {
    id: "profile",
    title,
    units: "% of reports citing each factor, dots with 95% intervals",
    chart: nothing ? null : {
      option: shareComparisonOption({
        rows: chartRows, aLabel: profile.aLabel, bLabel: profile.bLabel,
        description: `Share of reports citing each contributing factor: ${profile.aLabel}${profile.bLabel ? ` compared with ${profile.bLabel}` : ""}.`,
      }),
      height: shareComparisonHeight(Math.min(PROFILE_CHART_ROWS, sorted.length)),
      label: title,
    },
    emptyChart: "No reports match these filters in this period.",
    tables: [table({ id: "profile", caption: title, columns: profileColumnSpecs(profile.aLabel, profile.bLabel), rows, rowId: (r) => r.factor })],
  };
}

export function trendPanel(factor: TrendFactor, trends: TrendView, state: DashboardState, period: PeriodInfo): PanelModel {
  const hrefs = trends.quarters.map((q) => libraryHref(state, period, { factor: factor.factor, ...quarterMonths(q) }));
  const title = `${factor.label}: share of reports by quarter`;
  const rows: TrendTableRow[] = trends.quarters.map((q, i) => ({
    bin: q, subject: factor.subject[i] ?? null, subjectCount: factor.subjectCounts[i] ?? null, reference: factor.reference[i] ?? null, href: hrefs[i]!,
  }));
  return {
    id: `trend-${factor.factor}`,
    title,
    units: `% of reports citing it per quarter, ${trends.subjectLabel.toLowerCase()}${trends.referenceLabel ? ` and ${trends.referenceLabel.toLowerCase()} (dashed)` : ""}`,
    chart: trends.quarters.length === 0 ? null : {
      option: trendOption({
        bins: trends.quarters,
        unit: "share",
        hrefs,
        lines: [
          { name: trends.subjectLabel, values: factor.subject },
          ...(trends.referenceLabel ? [{ name: trends.referenceLabel, values: factor.reference, dashed: true }] : []),
        ],
        description: `Quarterly share of reports citing ${factor.label}: ${trends.subjectLabel}${trends.referenceLabel ? ` and ${trends.referenceLabel}` : ""}.`,
      }),
      height: 260,
      label: title,
    },
    emptyChart: "The period holds no whole quarter.",
    tables: [table({ id: `trend-${factor.factor}`, caption: `${factor.label} by quarter`, columns: trendColumnSpecs("Quarter", trends.subjectLabel, trends.referenceLabel, "share"), rows, rowId: (r) => r.bin })],
  };
}

export function totalsPanel(totals: { months: string[]; counts: Count[] }, state: DashboardState, period: PeriodInfo, label: string): PanelModel {
  const hrefs = totals.months.map((m) => libraryHref(state, period, { from: m, to: m }));
  const rows: TrendTableRow[] = totals.months.map((m, i) => ({ bin: m, subject: totals.counts[i] ?? null, subjectCount: null, reference: null, href: hrefs[i]! }));
  return {
    id: "totals",
    title: "Reports per month",
    units: "reports shared, by event month (counts of voluntary reports, not of incidents)",
    wide: true,
    chart: totals.months.length === 0 ? null : {
      option: trendOption({ bins: totals.months, unit: "count", hrefs, lines: [{ name: label, values: totals.counts }], description: `Reports per month (${label}).` }),
      height: 260,
      label: "Reports per month",
    },
    emptyChart: "No months in this period.",
    tables: [table({ id: "totals", caption: "Reports per month", columns: trendColumnSpecs("Month", label, null, "count"), rows, rowId: (r) => r.bin })],
  };
}

export function heatmapPanel(heatmap: HeatmapView, state: DashboardState, period: PeriodInfo): PanelModel {
  const rows: HeatmapTableRow[] = heatmap.rows.map((r) => ({
    code: r.code, label: r.label, reports: r.reports,
    cells: r.cells.map((c, i) => ({ ...c, href: libraryHref(state, period, { incidentType: r.code, factor: heatmap.factors[i]!.code }) })),
  }));
  const title = `Incident types and factors: ${heatmap.label.replace(/ \(all reports\)$/, "").toLowerCase()}`;
  return {
    id: "heatmap",
    title,
    units: "% of the incident type's reports citing the factor",
    wide: true,
    chart: heatmap.rows.length === 0 || heatmap.factors.length === 0 ? null : {
      option: heatmapOption({
        rows: heatmap.rows, columns: heatmap.factors, cells: rows.map((r) => r.cells),
        description: `Share of each incident type's reports citing each of the most cited factors (${heatmap.label}).`,
      }),
      height: heatmapHeight(heatmap.rows.length),
      label: title,
      ssrWidth: 820,
      scroll: true,
    },
    emptyChart: "No reports match these filters in this period.",
    tables: [table({ id: "heatmap", caption: title, columns: heatmapColumnSpecs(heatmap.factors), rows, rowId: (r) => r.code })],
  };
}

export function lossMixPanel(mix: LossMixView, state: DashboardState, period: PeriodInfo): PanelModel {
  const all = mix.rows.find((r) => r.factor === null);
  const rows: LossTableRow[] = mix.rows.map((r) => ({ key: r.factor ?? "all", label: r.label, aReports: r.a.reports, aShares: r.a.shares, bShares: r.b?.shares ?? null }));
  return {
    id: "loss",
    title: "How bad it could have been (loss potential)",
    units: "% of reports by loss potential, dots with 95% intervals",
    chart: all ? {
      option: shareComparisonOption({
        rows: mix.categories.map((c, i) => ({
          key: c.code, label: c.label, a: all.a.shares[i] ?? null, b: all.b?.shares[i] ?? null,
          href: libraryHref(state, period, { lossPotential: c.code }),
        })),
        aLabel: mix.aLabel, bLabel: mix.bLabel,
        description: `How bad it could have been: share of reports by loss potential, ${mix.aLabel}${mix.bLabel ? ` and ${mix.bLabel}` : ""}.`,
      }),
      height: shareComparisonHeight(mix.categories.length),
      label: "Loss potential of the reports",
    } : null,
    emptyChart: "No reports match these filters.",
    tables: [table({ id: "loss", caption: "Loss potential mix", columns: lossColumnSpecs(mix.categories, mix.aLabel, mix.bLabel), rows, rowId: (r) => r.key })],
  };
}

export function emergingPanel(emerging: EmergingView, state: DashboardState, period: PeriodInfo): PanelModel {
  const rows: EmergingTableRow[] = emerging.rows.map((r) => ({
    ...r,
    href: libraryHref(state, period, {
      ...(r.dimension === "factor" ? { factor: r.code } : { incidentType: r.code }),
      ...(r.area === "national" ? {} : { region: r.area }),
      from: r.from, to: r.to,
    }),
  }));
  return {
    id: "emerging",
    title: "Emerging national and regional risks",
    units: `latest 3 months' share of reports ÷ the previous 24 months' (${emerging.tests.toLocaleString("en-US")} series tested)`,
    chart: rows.length === 0 ? null : {
      option: rankedBarsOption({
        bars: rows.map((r) => ({
          label: `${r.area === "national" ? "National" : r.areaLabel}: ${r.label}`,
          value: r.ratio ?? 0,
          strong: r.significant,
          note: `q = ${r.qValue < 0.001 ? "<0.001" : r.qValue.toFixed(3)}`,
          href: r.href,
        })),
        axisName: "Share of reports ÷ previous 24 months",
        baseline: 1,
        baselineLabel: "No change (1×)",
        strongLabel: "Significant (q ≤ 5%)",
        weakLabel: "Alert level crossed, not significant",
        description: "Emerging risks: series whose share of reports crossed its alert level, as the ratio of the latest three months' share to the previous 24 months'.",
      }),
      height: rankedBarsHeight(rows.length),
      label: "Emerging risks",
    },
    emptyChart: "No series crossed its alert level in the last three months of this period.",
    tables: [table({ id: "emerging", caption: "Emerging risks", columns: emergingColumnSpecs, rows, rowId: (r) => `${r.area}-${r.dimension}-${r.code}`, empty: "None in this period." })],
  };
}

export function funnelPanel(funnel: FunnelView, state: DashboardState, period: PeriodInfo): PanelModel {
  const href = libraryHref(state, period, { factor: funnel.factor });
  const title = `Agencies against the national share: ${funnel.label}`;
  return {
    id: "funnel",
    title,
    units: `% of each agency's reports citing the factor against its reports (anonymous dots; national share ${funnel.nationalShare === null ? "—" : percent(funnel.nationalShare)})`,
    wide: true,
    chart: funnel.points.length === 0 ? null : {
      option: funnelOption({
        factorLabel: funnel.label, nationalShare: funnel.nationalShare, curve: funnel.curve, points: funnel.points, href,
        description: `Funnel plot: each partner agency's share of reports citing ${funnel.label} against its number of reports, with 95% and 99.8% limits around the national share.`,
      }),
      height: 380,
      label: title,
    },
    emptyChart: "No agency reaches the minimum number of reports in this period.",
    tables: [
      table({ id: "funnel-agencies", caption: "Agencies by position", columns: funnelColumnSpecs, rows: funnelRows(funnel), rowId: (r) => r.key }),
      table({ id: "funnel-limits", caption: "Funnel limits", columns: limitColumnSpecs, rows: funnel.curve, rowId: (r) => String(r.n) }),
    ],
  };
}

export function regionalPanel(regional: RegionalView, state: DashboardState, period: PeriodInfo): PanelModel {
  const rows: RegionTableRow[] = regional.rows.map((r) => ({
    ...r, hrefs: regional.factors.map((f) => libraryHref({ ...state, region: undefined }, period, { factor: f.code, region: r.region })),
  }));
  return {
    id: "regional",
    title: "Regional comparison of the most cited factors",
    units: "% of each census region's reports citing the factor (the region filter does not apply here)",
    chart: regional.factors.length === 0 ? null : {
      option: groupedBarsOption({
        items: regional.factors,
        groups: rows.map((r) => ({ name: r.label, shares: r.shares, hrefs: r.hrefs })),
        description: "Share of reports citing each of the most cited factors, by census region.",
      }),
      height: groupedBarsHeight(regional.factors.length, rows.length),
      label: "Regional comparison",
    },
    emptyChart: "No reports match these filters.",
    tables: [table({ id: "regional", caption: "Regional comparison", columns: regionColumnSpecs(regional.factors), rows, rowId: (r) => r.region })],
  };
}

export function cooccurrencePanel(cooccurrence: CooccurrenceView, state: DashboardState, period: PeriodInfo): PanelModel {
  const rows: PairTableRow[] = cooccurrence.pairs.map((p) => ({
    ...p, href: libraryHref({ ...state, factor: p.a as DashboardState["factor"] }, period, { factor: p.b }),
  }));
  return {
    id: "cooccurrence",
    title: "Factors cited together",
    units: "reports citing both factors; lift above 1: cited together more often than chance",
    chart: rows.length === 0 ? null : {
      option: rankedBarsOption({
        bars: rows.map((p) => ({
          label: `${p.aLabel} + ${p.bLabel}`,
          value: p.count,
          note: typeof p.lift === "number" ? `lift ${p.lift.toFixed(1)}×` : undefined,
          href: p.href,
        })),
        axisName: "Reports citing both",
        description: "Pairs of contributing factors cited together in the same report, most frequent first, with their lift.",
      }),
      height: rankedBarsHeight(rows.length),
      label: "Factors cited together",
    },
    emptyChart: "No report cites two factors with these filters.",
    tables: [table({ id: "cooccurrence", caption: "Factors cited together", columns: pairColumnSpecs, rows, rowId: (r) => `${r.a}-${r.b}` })],
  };
}

/** The agency page's title of its factor profile (its own figures, or national and peers when closed). */
export function agencyProfileTitle(view: AgencyDashboardView): string {
  return view.open
    ? `Contributing factors: your agency and ${view.profile.bLabel?.toLowerCase() ?? "the reference"}`
    : `Contributing factors: national${view.profile.bLabel ? ` and ${view.profile.bLabel.toLowerCase()}` : ""}`;
}

export const NATIONAL_PROFILE_TITLE = "Contributing factors nationally";
export const NATIONAL_TOTALS_LABEL = "National";

/** Every panel with a chart or table of the agency page, in page order. */
export function agencyPanels(view: AgencyDashboardView): PanelModel[] {
  const { state, period } = view;
  return [
    profilePanel(view.profile, state, period, agencyProfileTitle(view)),
    ...view.trends.factors.map((f) => trendPanel(f, view.trends, state, period)),
    ...(view.heatmap ? [heatmapPanel(view.heatmap, state, period)] : []),
    lossMixPanel(view.lossMix, state, period),
    emergingPanel(view.emerging, state, period),
  ];
}

/** Every panel with a chart or table of the national pages, in page order. */
export function nationalPanels(view: NationalDashboardView): PanelModel[] {
  const { state, period } = view;
  return [
    totalsPanel(view.totals, state, period, NATIONAL_TOTALS_LABEL),
    ...view.trends.factors.map((f) => trendPanel(f, view.trends, state, period)),
    emergingPanel(view.emerging, state, period),
    ...(view.funnel ? [funnelPanel(view.funnel, state, period)] : []),
    regionalPanel(view.regional, state, period),
    cooccurrencePanel(view.cooccurrence, state, period),
    profilePanel(view.profile, state, period, NATIONAL_PROFILE_TITLE),
    heatmapPanel(view.heatmap, state, period),
    lossMixPanel(view.lossMix, state, period),
  ];
}
