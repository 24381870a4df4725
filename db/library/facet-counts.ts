// Facet counts for the explorer: for each facet, how many matching reports have each value when every
// OTHER filter applies (so choosing a second incident type shows what it would add). With "all of"
// factors, factor counts keep the factor filter: they say how many current results also cite X.
import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../database";
import { FACTOR_CODES, FAMILY_CODES } from "./factor-bits";
import { allOf, facetPredicates } from "./facet-predicates";
import { type FacetKey, type LibraryFilters, facetKeys } from "../../domain/library-query";

export type FacetCounts = Record<FacetKey, { value: string; count: number }[]>;

const valueOf: Record<Exclude<FacetKey, "factor" | "family">, RawBuilder<unknown>> = {
  incident_type: sql`d.incident_type`,
  loss_potential: sql`d.loss_potential`,
  year: sql`year(d.event_month)`,
  census_region: sql`d.census_region`,
  light: sql`d.light`,
  weather: sql`d.weather`,
  officers_band: sql`d.officers_band`,
};

/**
 * Reports per factor (or family) in two steps: count per distinct bit mask (one hash aggregation over
 * the documents; ~100k combinations at 1M reports), then add those counts up per bit. Filtering the
 * documents once per bit took ~0.6 s of CPU at 1M reports, and returning every mask to JavaScript
 * ~0.4 s; this answers one row per code.
 */
function maskCounts(key: "factor" | "family", where: RawBuilder<boolean>): RawBuilder<unknown> {
  const codes = key === "factor" ? FACTOR_CODES : FAMILY_CODES;
  const column = sql.ref(key === "factor" ? "d.factor_mask" : "d.family_mask");
  const perBit = codes.map((_, bit) => sql`sum(n) FILTER (WHERE (m & ${sql.lit(2 ** bit)}::BIGINT) <> 0)`);
  return sql`SELECT ${key} AS facet, unnest(codes) AS value, unnest(counts) AS n FROM (
    SELECT [${sql.join(codes.map((c) => sql`${c}::VARCHAR`))}] AS codes, [${sql.join(perBit)}]::BIGINT[] AS counts
    FROM (SELECT ${column} AS m, count(*) AS n FROM base d WHERE ${where} GROUP BY m))`;
}

/** The documents to count: a FROM clause whose documents are aliased d, and its scope. */
export interface FacetSource {
  from: RawBuilder<unknown>;
  scope: RawBuilder<boolean>;
  /** A text search: its matches are computed once and reused by every facet. */
  searching: boolean;
}

export function emptyFacets(): FacetCounts {
  return Object.fromEntries(facetKeys.map((k) => [k, []])) as unknown as FacetCounts;
}

/** Counts every facet in one statement over `source`; null means nothing matches. */
export async function countFacets(
  db: Executor,
  source: FacetSource | null,
  filters: LibraryFilters,
): Promise<FacetCounts> {
  const facets = emptyFacets();
  if (source === null) return facets;
  const predicates = facetPredicates(filters);
  const branches = facetKeys.map((key) => {
    const others = facetKeys
      .filter((k) => k !== key || (key === "factor" && filters.factorMatch === "all"))
      .map((k) => predicates[k]);
    if (key === "factor" || key === "family") return maskCounts(key, allOf(others));
    // Group first, cast after: casting a million years to text cost more than counting them.
    return sql`SELECT ${key} AS facet, CAST(v AS VARCHAR) AS value, n FROM (
      SELECT ${valueOf[key]} AS v, count(*) AS n FROM base d WHERE ${allOf(others)} GROUP BY v)`;
  });
  const materialise = source.searching ? sql.raw("MATERIALIZED") : sql.raw("NOT MATERIALIZED");
  const { rows } = await sql<{ facet: FacetKey; value: string | null; n: number | null }>`
    WITH base AS ${materialise} (
      SELECT d.doc_id, d.incident_type, d.loss_potential, d.event_month, d.census_region, d.light, d.weather,
        d.officers_band, d.factor_mask, d.family_mask
      FROM ${source.from} WHERE ${source.scope})
    ${sql.join(branches, sql` UNION ALL `)}`.execute(db);
  for (const row of rows) if (row.value !== null && row.n) facets[row.facet].push({ value: row.value, count: row.n });
  for (const key of facetKeys) facets[key].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}
