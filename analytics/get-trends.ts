import { factors, incidentTypes } from "../domain/taxonomy/index";
import { type Comparison, resolveComparison } from "./comparison";
import { type AnalyticsFilters, type ResolvedFilters, resolveFilters } from "./filters";
import { type MeasureMeta, measureMeta, REPORTS_NOT_RATES } from "./measure-meta";
import { monthLabel, monthsOf, type MonthWindow, wholeQuarters } from "../domain/period";
import { coreFigures } from "./core-figures";
import { CellBook, type CellTags } from "./privacy/cell-book";
import { type Count, type Share, type Suppressed, suppressed } from "../domain/figures";
import type { PrivacyRules } from "./privacy/rules";
import type { ReleasedCells } from "./privacy/suppress";
import { analysisSpan, monthlyFactors, monthlyReports } from "./queries/slices";
import type { Population } from "./queries/population";
import { type AnalyticsDb, type AnalyticsSource, latestMonth, nationalOnce, sourceOf } from "./source";
import { ALERT_BASELINE_MONTHS, alertLevels } from "./stats/alert-levels";
import { mannKendall, type MannKendallOutcome } from "./stats/mann-kendall";
import type { Viewer } from "./viewer";

export type SeriesDimension = "total" | "incident_type" | "factor";

export interface TrendAlert {
  mean: number;
  level1: number;
  level2: number;
  level3: number;
  /** Highest level the month is above (0 = none). */
  above: 0 | 1 | 2 | 3;
  /** ICAO trigger: one month above level 3, two in a row above 2 or three in a row above 1. */
  triggered: boolean;
}

export interface TrendMonth {
  month: string;
  count: Count;
  /** Share of the population's reports that month (null for the total series or a month without reports). */
  share: Share | null;
  /** Against the previous 12–24 months (shares; counts for the total series); null without a baseline. */
  alert: TrendAlert | Suppressed | null;
}

export interface TrendSeries {
  population: "subject" | "reference";
  dimension: SeriesDimension;
  code: string | null;
  label: string;
  /** Empty for the incident-type series of an agency or peer group (released by quarter only). */
  monthly: TrendMonth[];
  /** Calendar quarters lying wholly inside the window. */
  quarterly: { quarter: string; count: Count; share: Share | null }[];
  /**
   * On the quarterly shares (counts for the total series); "insufficient" below 10 quarters. Null on reference lines.
   */
  mannKendall: MannKendallOutcome | Suppressed | null;
  /** The latest 12 months of the window against the 12 before. Null on reference lines. */
  yearOverYear: { current: Count; previous: Count; change: number | Suppressed | null } | null;
  /** Whether any of the window's last three months triggered its alert level (null without monthly figures). */
  alerting: boolean | Suppressed | null;
}

export interface TrendsResult {
  meta: MeasureMeta;
  months: string[];
  quarters: string[];
  series: TrendSeries[];
}

interface SeriesSpec {
  id: string;
  dimension: SeriesDimension;
  code: string | null;
  label: string;
}

const seriesSpecs: SeriesSpec[] = [
  { id: "total", dimension: "total", code: null, label: "All reports" },
  ...incidentTypes.map((t) => ({
    id: `i:${t.code}`,
    dimension: "incident_type" as const,
    code: t.code,
    label: t.label,
  })),
  ...factors.map((f) => ({ id: `f:${f.code}`, dimension: "factor" as const, code: f.code, label: f.label })),
];

/** Positions of one series' cells in the book (−1: no such cell). */
interface SeriesCells {
  /** By month offset from the range start. */
  months: number[];
  /** By whole quarter of the window, in order. */
  quarters: number[];
  /** [latest 12 months, the 12 before], when the range holds them. */
  years: number[];
}

/**
 * Incident-type series of an agency or peer group are released by quarter only: monthly counts per
 * incident type are mostly below k for any agency, and releasing them would tie every month's total to
 * eighteen small cells (heavy complementary suppression of the totals that carry every share).
 */
function monthlyReleased(tags: CellTags, spec: SeriesSpec): boolean {
  return !tags.protected || spec.dimension !== "incident_type";
}

/** Adds one population's monthly, quarterly and yearly cells with the sums that tie them together. */
async function addPopulation(
  source: AnalyticsSource,
  book: CellBook,
  prefix: string,
  population: Population,
  tags: CellTags,
  filters: ResolvedFilters,
  range: MonthWindow,
  windowTotals: ((spec: SeriesSpec) => Count | undefined) | null,
): Promise<SeriesCells[]> {
  const [byIncident, byFactor] = await Promise.all([
    monthlyReports(source, population, filters),
    monthlyFactors(source, population, filters),
  ]);
  const length = range.to - range.from + 1;
  const raw = new Map<string, number[]>(seriesSpecs.map((spec) => [spec.id, new Array<number>(length).fill(0)]));
  const totals = raw.get("total")!;
  const add = (id: string, month: number, reports: number) => {
    const o = month - range.from;
    if (o < 0 || o >= length) return;
    raw.get(id)![o]! += reports;
    if (id.startsWith("i:")) totals[o]! += reports;
  };
  // National rows come by census region as well: they add up here.
  for (const r of byIncident) add(`i:${r.incident_type}`, r.month!, r.reports);
  for (const r of byFactor) add(`f:${r.factor_code}`, r.month!, r.reports);

  const window = filters.window;
  const quarters = wholeQuarters(window).map((q) => q.months.map((m) => m - range.from));
  // Year-over-year cells only where the range holds both years (the subject's; reference lines have none).
  const years =
    range.from <= window.to - 23
      ? [monthsOf({ from: window.to - 11, to: window.to }), monthsOf({ from: window.to - 23, to: window.to - 12 })].map(
          (l) => l.map((m) => m - range.from),
        )
      : [];
  const sumOf = (values: number[], offsets: number[]) => offsets.reduce((sum, o) => sum + values[o]!, 0);
  const out = seriesSpecs.map((spec): SeriesCells => {
    const values = raw.get(spec.id)!;
    const monthly = monthlyReleased(tags, spec);
    const months = monthly ? values.map((v, o) => book.add(`${prefix}|${spec.id}|${o}`, v, tags)) : [];
    const cellsFor = (list: number[][], name: string) =>
      list.map((offsets, j) => {
        const id = book.add(`${prefix}|${spec.id}|${name}${j}`, sumOf(values, offsets), tags);
        if (monthly && tags.protected)
          book.sum(
            id,
            offsets.map((o) => months[o]!),
          );
        return id;
      });
    const quarterCells = cellsFor(quarters, "q");
    if (windowTotals) {
      // The window total is released by the other measures (core figures): tie the months (or the
      // quarters, when they cover the window) to it, so that it cannot give a withheld one away.
      const windowOffsets = monthsOf(window).map((m) => m - range.from);
      const parts = monthly
        ? windowOffsets.map((o) => months[o]!)
        : quarters.length * 3 === windowOffsets.length
          ? quarterCells
          : null;
      if (parts) {
        const total = book.add(
          `${prefix}|${spec.id}|w`,
          windowOffsets.reduce((sum, o) => sum + values[o]!, 0),
          { ...tags, shared: windowTotals(spec) },
        );
        book.sum(total, parts);
      }
    }
    const yearCells = cellsFor(years, "y");
    if (!monthly && tags.protected) {
      // Released by quarter only: a 12-month period made of whole quarters is their sum (else a withheld
      // quarter would follow from the year total and the three others).
      years.forEach((offsets, j) => {
        const inside = quarters.flatMap((q, i) => (q.every((o) => offsets.includes(o)) ? [i] : []));
        if (inside.length * 3 === offsets.length)
          book.sum(
            yearCells[j]!,
            inside.map((i) => quarterCells[i]!),
          );
      });
    }
    return { months, quarters: quarterCells, years: yearCells };
  });
  if (tags.protected) {
    // Each report has exactly one incident type: a quarter's (year's) total is the sum of its incident-type counts.
    const total = out[0]!;
    const incidents = out.filter((_, i) => seriesSpecs[i]!.dimension === "incident_type");
    total.quarters.forEach((id, j) =>
      book.sum(
        id,
        incidents.map((c) => c.quarters[j]!),
      ),
    );
    total.years.forEach((id, j) =>
      book.sum(
        id,
        incidents.map((c) => c.years[j]!),
      ),
    );
  }
  return out;
}

/**
 * A month's share as a plain number for alert levels (the count for the total series), null without reports, or
 * withheld.
 */
function pointValue(
  released: ReleasedCells,
  cells: SeriesCells,
  total: SeriesCells,
  isTotal: boolean,
  o: number,
): number | null | Suppressed {
  const values = released.values(isTotal ? [cells.months[o]!] : [cells.months[o]!, total.months[o]!]);
  if (!Array.isArray(values)) return values;
  if (isTotal) return values[0]!;
  return values[1] === 0 ? null : values[0]! / values[1]!;
}

function buildSeries(
  released: ReleasedCells,
  cells: SeriesCells,
  total: SeriesCells,
  spec: SeriesSpec,
  window: MonthWindow,
  range: MonthWindow,
): TrendSeries {
  const isTotal = spec.dimension === "total";
  const hasMonths = cells.months.length > 0;
  const points = hasMonths ? cells.months.map((_, o) => pointValue(released, cells, total, isTotal, o)) : [];
  // withheldBefore[o]: how many of the months before offset o are withheld (an alert needs none in its baseline).
  const withheldBefore = [0];
  for (const p of points)
    withheldBefore.push(withheldBefore[withheldBefore.length - 1]! + (typeof p === "object" && p !== null ? 1 : 0));
  const alerts = alertLevels(points.map((p) => (typeof p === "number" ? p : null)));
  const monthly: TrendMonth[] = (hasMonths ? monthsOf(window) : []).map((m) => {
    const o = m - range.from;
    // An alert depends on the month and its whole baseline: withheld if any of them is.
    const inputsWithheld = withheldBefore[o + 1]! - withheldBefore[Math.max(0, o - ALERT_BASELINE_MONTHS)]! > 0;
    const point = alerts[o]!;
    const alert: TrendMonth["alert"] = inputsWithheld
      ? suppressed("derived")
      : point.levels && point.above !== null
        ? {
            mean: point.levels.mean,
            level1: point.levels.level1,
            level2: point.levels.level2,
            level3: point.levels.level3,
            above: point.above,
            triggered: point.triggered,
          }
        : null;
    return {
      month: monthLabel(m),
      count: released.count(cells.months[o]!),
      share: isTotal ? null : released.share(cells.months[o]!, total.months[o]!),
      alert,
    };
  });
  const quarters = wholeQuarters(window);
  const quarterly = quarters.map((q, j) => ({
    quarter: q.quarter,
    count: released.count(cells.quarters[j]!),
    share: isTotal ? null : released.share(cells.quarters[j]!, total.quarters[j]!),
  }));
  let mk: MannKendallOutcome | Suppressed;
  const numbers = released.values(quarters.flatMap((_, j) => [cells.quarters[j]!, total.quarters[j]!]));
  if (!Array.isArray(numbers)) mk = numbers;
  else {
    const values = quarters.map((_, j) =>
      isTotal ? numbers[2 * j]! : numbers[2 * j + 1]! === 0 ? null : numbers[2 * j]! / numbers[2 * j + 1]!,
    );
    mk = mannKendall(values.filter((v): v is number => v !== null));
  }
  let yearOverYear: TrendSeries["yearOverYear"] = null;
  if (cells.years.length === 2) {
    const current = released.count(cells.years[0]!);
    const previous = released.count(cells.years[1]!);
    const change =
      typeof current !== "number" || typeof previous !== "number"
        ? suppressed("derived")
        : previous === 0
          ? null
          : (current - previous) / previous;
    yearOverYear = { current, previous, change };
  }
  const lastThree = monthly.slice(-3).map((p) => p.alert);
  const alerting = !hasMonths
    ? null
    : lastThree.some((a) => a !== null && "suppressed" in a)
      ? suppressed("derived")
      : lastThree.some((a) => a !== null && "triggered" in a && a.triggered);
  return {
    population: "subject",
    dimension: spec.dimension,
    code: spec.code,
    label: spec.label,
    monthly,
    quarterly,
    mannKendall: mk,
    yearOverYear,
    alerting,
  };
}

/** Comparison lines (the reference population) carry counts and shares only, without tests. */
function buildReferenceSeries(
  released: ReleasedCells,
  cells: SeriesCells,
  total: SeriesCells,
  spec: SeriesSpec,
  window: MonthWindow,
): TrendSeries {
  const isTotal = spec.dimension === "total";
  return {
    population: "reference",
    dimension: spec.dimension,
    code: spec.code,
    label: spec.label,
    monthly: cells.months.map((id, o) => ({
      month: monthLabel(window.from + o),
      count: released.count(id),
      share: isTotal ? null : released.share(id, total.months[o]!),
      alert: null,
    })),
    quarterly: wholeQuarters(window).map((q, j) => ({
      quarter: q.quarter,
      count: released.count(cells.quarters[j]!),
      share: isTotal ? null : released.share(cells.quarters[j]!, total.quarters[j]!),
    })),
    mannKendall: null,
    yearOverYear: null,
    alerting: null,
  };
}

function referencePopulation(
  cmp: Comparison,
): { population: Population; tags: CellTags; label: Comparison["subject"]["label"] } | null {
  if (cmp.subject.kind === "national" || !cmp.reference) return null;
  // Trends compare the agency with the whole nation (public figures) or with its peers.
  if (cmp.reference.kind === "national_excluding_agency")
    return {
      population: { kind: "all" },
      tags: { protected: false },
      label: { kind: "national", label: "National (all reports)" },
    };
  return { population: cmp.reference.population!, tags: cmp.reference.tags, label: cmp.reference.label };
}

/**
 * Trends: monthly and quarterly counts and shares of every incident type and factor, each month against
 * its alert level (mean + 1/2/3 SD of the previous 12–24 months, ICAO Doc 9859), Mann-Kendall with Sen's
 * slope on the quarterly shares (10 quarters or more), and the latest 12 months against the 12 before.
 * Shares rather than counts carry the alerts because a voluntary programme's volume grows with
 * participation, not with risk.
 */
export async function getTrends(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  viewer: Viewer,
  privacy: PrivacyRules,
): Promise<TrendsResult> {
  const source = sourceOf(db);
  const resolved = resolveFilters(filters, await latestMonth(source));
  const cmp = await resolveComparison(source, resolved, viewer);
  const range = analysisSpan(resolved.window);
  const reference = referencePopulation(cmp);
  const book = new CellBook();
  const core = cmp.subject.kind === "agency" ? await coreFigures(source, resolved, cmp, privacy) : null;
  const coreKey = (spec: SeriesSpec) =>
    spec.dimension === "total" ? "n" : spec.dimension === "factor" ? `f:${spec.code}` : `i:${spec.code}`;
  const subjectTotals = core ? (spec: SeriesSpec) => core.count(`s:${coreKey(spec)}`) : null;
  const referenceTotals = core
    ? (spec: SeriesSpec) => (spec.dimension === "incident_type" ? undefined : core.count(`r:${coreKey(spec)}`))
    : null;
  // A peer reference is protected and shares the subject's suppression; the national reference is
  // public, has no relation to the agency's cells, and is the same for every viewer (built once per
  // rollup version and filter state).
  const sharedReference = reference && reference.tags.protected ? reference : null;
  const [subjectCells, referenceCells, nationalLines] = await Promise.all([
    addPopulation(source, book, "s", cmp.subject.population, cmp.subject.tags, resolved, range, subjectTotals),
    sharedReference
      ? addPopulation(
          source,
          book,
          "r",
          sharedReference.population,
          sharedReference.tags,
          resolved,
          resolved.window,
          referenceTotals,
        )
      : null,
    reference && !reference.tags.protected
      ? nationalOnce(source, `trend-lines:${JSON.stringify(resolved)}`, async () => {
          const publicBook = new CellBook();
          const cells = await addPopulation(
            source,
            publicBook,
            "r",
            reference.population,
            reference.tags,
            resolved,
            resolved.window,
            null,
          );
          const lines = publicBook.release(privacy);
          return seriesSpecs.map((spec, i) => buildReferenceSeries(lines, cells[i]!, cells[0]!, spec, resolved.window));
        })
      : null,
  ]);
  const released = book.release(privacy, cmp.gates);
  const series = seriesSpecs.map((spec, i) =>
    buildSeries(released, subjectCells[i]!, subjectCells[0]!, spec, resolved.window, range),
  );
  if (referenceCells) {
    series.push(
      ...seriesSpecs.map((spec, i) =>
        buildReferenceSeries(released, referenceCells[i]!, referenceCells[0]!, spec, resolved.window),
      ),
    );
  }
  if (nationalLines) series.push(...nationalLines);
  return {
    meta: measureMeta(
      {
        measure: "trends",
        title: "Trends and alert levels",
        description:
          `Monthly and quarterly reports and shares per incident type and factor, with alert levels and ` +
          `Mann-Kendall trend tests. ${REPORTS_NOT_RATES}`,
      },
      resolved,
      { subject: cmp.subject, reference: reference ? { ...cmp.reference!, label: reference.label } : null },
      released,
      privacy,
    ),
    months: monthsOf(resolved.window).map(monthLabel),
    quarters: wholeQuarters(resolved.window).map((q) => q.quarter),
    series,
  };
}
