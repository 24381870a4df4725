import { type RawBuilder, sql } from "kysely";
import { z } from "zod";
import { censusRegions, factors, incidentTypes, lossPotentials } from "../../domain/taxonomy/index";
import type { ResolvedFilters } from "../filters";
import { monthDate, type MonthWindow } from "../../domain/period";
import { type AnalyticsSource, nationalOnce } from "../source";
import { type Population, populationKey } from "./population";

/** Columns a count can be grouped by (fixed identifiers, never input). */
export type Dimension = "event_month" | "incident_type" | "loss_potential" | "census_region" | "agency_id";

export interface AggregateRequest {
  population: Population;
  filters: ResolvedFilters;
  /** Months counted (may reach before the filter window, e.g. for alert baselines). */
  months: MonthWindow;
  groupBy: readonly Dimension[];
  /** Count reports per cited factor (adds factor_code) instead of reports. */
  perFactor: boolean;
}

/** One group: the requested dimensions (event_month as a month index, see domain/period.ts) and the count. */
export interface AggregateRow {
  month?: number;
  incident_type?: string;
  loss_potential?: string;
  census_region?: string;
  agency_id?: string;
  factor_code?: string;
  reports: number;
}

// Coded columns come back as their ENUM ordinals (reading integers out of DuckDB is several times
// cheaper than reading strings) and are mapped to taxonomy codes here; the ENUMs follow the taxonomy
// lists' order (migration 0500).
const CODES = {
  incident_type: incidentTypes.map((t) => t.code),
  loss_potential: lossPotentials.map((l) => l.code),
  census_region: censusRegions.map((r) => r.code),
  factor_code: factors.map((f) => f.code),
} as const;
type CodedColumn = keyof typeof CODES;
const CODED_COLUMNS = Object.keys(CODES) as CodedColumn[];

/** Checks a raw row and turns its ordinals into codes in place (no copy: dashboards read ~25k rows). */
function toAggregateRow(value: unknown): AggregateRow | null {
  if (typeof value !== "object" || value === null) return null;
  const row = value as Record<string, unknown>;
  if (!Number.isInteger(row.reports) || (row.reports as number) < 0) return null;
  if (row.month !== undefined && !Number.isInteger(row.month)) return null;
  if (row.agency_id !== undefined && typeof row.agency_id !== "string") return null;
  for (const column of CODED_COLUMNS) {
    if (row[column] === undefined) continue;
    const code = CODES[column][row[column] as number];
    if (code === undefined) return null;
    row[column] = code;
  }
  return row as unknown as AggregateRow;
}

// One pass over the rows: zod's per-element machinery cost ~1 µs a row, more than the query itself for
// the 10–20k rows of a dashboard.
const RowsSchema = z.unknown().transform((rows, ctx) => {
  const out: AggregateRow[] = [];
  if (Array.isArray(rows)) {
    for (const value of rows) {
      const row = toAggregateRow(value);
      if (!row) break;
      out.push(row);
    }
    if (out.length === rows.length) return out;
  }
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Unexpected analytics row shape" });
  return z.NEVER;
});

const CUBE_DIMENSIONS = new Set<Dimension>(["event_month", "incident_type", "loss_potential", "census_region"]);

/** Bits of factor_mask for a factor or a whole family (bit i = factors[i]). */
export function factorMask(filters: Pick<ResolvedFilters, "factor" | "factorFamily">): bigint | null {
  if (!filters.factor && !filters.factorFamily) return null;
  let mask = 0n;
  factors.forEach((f, i) => {
    if (f.code === filters.factor || f.family === filters.factorFamily) mask |= 1n << BigInt(i);
  });
  return mask;
}

type Source = "facts" | "cube" | "month" | "monthLoss";

/**
 * Which table answers a request. National counts filtered and grouped on the published month, region,
 * incident type and loss potential come from the pre-aggregated cube (at most 34,560 rows for reports);
 * per-factor counts without incident type from a month table by region or by loss potential (at most
 * 17,760 rows each); everything else (agencies, peers, light, assignment, factor filters) from the
 * per-report rows.
 */
function sourceFor(r: AggregateRequest): Source {
  const f = r.filters;
  if (r.population.kind !== "all" || f.light || f.assignment || f.factor || f.factorFamily) return "facts";
  if (!r.groupBy.every((d) => CUBE_DIMENSIONS.has(d))) return "facts";
  if (!r.perFactor || f.incidentType || r.groupBy.includes("incident_type")) return "cube";
  const byLoss = f.lossPotential || r.groupBy.includes("loss_potential");
  const byRegion = f.censusRegion || r.groupBy.includes("census_region");
  if (!byLoss) return "month";
  return byRegion ? "cube" : "monthLoss";
}

const tables: Record<Source, [string, string]> = {
  facts: ["analytics_reports", "analytics_report_factors"],
  cube: ["analytics_cube_reports", "analytics_cube_factors"],
  month: ["analytics_cube_reports", "analytics_month_factors"],
  monthLoss: ["analytics_cube_reports", "analytics_month_loss_factors"],
};

function conditions(r: AggregateRequest, source: Source): RawBuilder<unknown>[] {
  const f = r.filters;
  const where: RawBuilder<unknown>[] = [
    sql`event_month BETWEEN ${monthDate(r.months.from)}::DATE AND ${monthDate(r.months.to)}::DATE`,
  ];
  if (f.incidentType) where.push(sql`incident_type = ${f.incidentType}`);
  if (f.lossPotential) where.push(sql`loss_potential = ${f.lossPotential}`);
  if (f.censusRegion) where.push(sql`census_region = ${f.censusRegion}`);
  if (source === "facts") {
    if (f.light) where.push(sql`light = ${f.light}`);
    if (f.assignment) where.push(sql`assignment = ${f.assignment}`);
    const mask = factorMask(f);
    if (mask !== null) where.push(sql`(factor_mask & ${mask.toString()}::BIGINT) <> 0`);
    const p = r.population;
    if (p.kind === "agency") where.push(sql`agency_id = ${p.agencyId}::UUID`);
    if (p.kind === "linked") where.push(sql`agency_id IS NOT NULL`);
    if (p.kind === "peers") {
      where.push(sql`agency_id IS NOT NULL AND agency_id <> ${p.excludeAgencyId}::UUID`);
      where.push(p.by === "size_band" ? sql`agency_size_band = ${p.value}` : sql`census_region = ${p.value}`);
    }
  }
  return where;
}

function requestKey(r: AggregateRequest): string {
  const f = r.filters;
  return JSON.stringify([
    "aggregate",
    populationKey(r.population),
    r.months.from,
    r.months.to,
    [...r.groupBy],
    r.perFactor,
    f.incidentType,
    f.lossPotential,
    f.censusRegion,
    f.light,
    f.assignment,
    f.factor,
    f.factorFamily,
  ]);
}

/** Report counts (or per-factor counts) of a population, grouped by the requested dimensions. */
export function aggregate(source: AnalyticsSource, r: AggregateRequest): Promise<AggregateRow[]> {
  // Rows are shared between measures (and, for the nation, between requests): callers never mutate them.
  const once =
    r.population.kind === "all"
      ? nationalOnce
      : (s: AnalyticsSource, k: string, load: () => Promise<AggregateRow[]>) => s.once(k, load);
  return once(source, requestKey(r), async () => {
    const from = sourceFor(r);
    const table = tables[from][r.perFactor ? 1 : 0];
    const columns = [...r.groupBy, ...(r.perFactor ? (["factor_code"] as const) : [])];
    // Months come back as month indexes, coded columns as ENUM ordinals, agencies as text.
    const select = columns.map((c) =>
      c === "event_month"
        ? sql`(year(event_month) * 12 + month(event_month) - 1)::INTEGER AS month`
        : c === "agency_id"
          ? sql`agency_id::VARCHAR AS agency_id`
          : sql`enum_code(${sql.ref(c)})::INTEGER AS ${sql.ref(c)}`,
    );
    const measure = from === "facts" ? sql`count(*)` : sql`sum(reports)`;
    const groupBy = columns.length ? sql`GROUP BY ${sql.join(columns.map((c) => sql.ref(c)))}` : sql``;
    const { rows } = await sql`
      SELECT ${sql.join([...select, sql`${measure}::INTEGER AS reports`])}
      FROM ${sql.table(table)}
      WHERE ${sql.join(conditions(r, from), sql` AND `)}
      ${groupBy}`.execute(source.db);
    return RowsSchema.parse(rows);
  });
}

/** Distinct agencies behind a population's reports (the peer-group rule needs it). */
export function countAgencies(
  source: AnalyticsSource,
  r: Omit<AggregateRequest, "groupBy" | "perFactor">,
): Promise<number> {
  const request: AggregateRequest = { ...r, groupBy: [], perFactor: false };
  return source.once(`agencies:${requestKey(request)}`, async () => {
    const { rows } = await sql`SELECT count(DISTINCT agency_id)::BIGINT AS n FROM analytics_reports
      WHERE ${sql.join(conditions(request, "facts"), sql` AND `)}`.execute(source.db);
    return z.object({ n: z.number() }).parse(rows[0]).n;
  });
}

const MaskRowSchema = z.object({ factor_mask: z.number().int(), reports: z.number().int() });

/** Reports per combination of cited factors (co-occurrence is counted from these in memory). */
export function factorCombinations(source: AnalyticsSource, r: Omit<AggregateRequest, "groupBy" | "perFactor">) {
  const request: AggregateRequest = { ...r, groupBy: [], perFactor: false };
  const once =
    r.population.kind === "all"
      ? nationalOnce
      : <T>(s: AnalyticsSource, k: string, load: () => Promise<T>) => s.once(k, load);
  return once(source, `masks:${requestKey(request)}`, async () => {
    // DOUBLE holds the 37-bit masks exactly and reads without BigInt conversions.
    const { rows } =
      await sql`SELECT factor_mask::DOUBLE AS factor_mask, count(*)::INTEGER AS reports FROM analytics_reports
      WHERE ${sql.join(conditions(request, "facts"), sql` AND `)} GROUP BY factor_mask`.execute(source.db);
    return z.array(MaskRowSchema).parse(rows);
  });
}

const AgencyFactorSchema = z.array(
  z.object({
    agency: z.number().int().nonnegative(),
    factor: z.number().int().nonnegative(),
    reports: z.number().int(),
  }),
);

/**
 * Reports citing each factor for each of the given agencies (funnel for programme staff): agencies come
 * back as their position in `agencyIds`, factors as ordinals — ~50k rows at 1M reports, where UUID
 * strings cost more than the query.
 */
export function agencyFactorCounts(
  source: AnalyticsSource,
  r: Omit<AggregateRequest, "groupBy" | "perFactor" | "population">,
  agencyIds: readonly string[],
) {
  const request: AggregateRequest = { ...r, population: { kind: "linked" }, groupBy: ["agency_id"], perFactor: true };
  return source.once(`agency-factors:${requestKey(request)}:${agencyIds.join(",")}`, async () => {
    if (agencyIds.length === 0) return [];
    const { rows } = await sql`SELECT list_position(${[...agencyIds]}::UUID[], agency_id)::INTEGER - 1 AS agency,
        enum_code(factor_code)::INTEGER AS factor, count(*)::INTEGER AS reports
      FROM analytics_report_factors
      WHERE ${sql.join(conditions(request, "facts"), sql` AND `)} AND agency_id
        IN (SELECT unnest(${[...agencyIds]}::UUID[]))
      GROUP BY agency_id, factor_code`.execute(source.db);
    return AgencyFactorSchema.parse(rows).map((row) => ({
      agency: row.agency,
      factor_code: CODES.factor_code[row.factor]!,
      reports: row.reports,
    }));
  });
}
