// Facet counts for the explorer: for each facet, how many matching reports have each value when every
// OTHER filter applies (so choosing a second incident type shows what it would add). With "all of"
// factors, factor counts keep the factor filter: they say how many current results also cite X.
import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../database";
import { FACTOR_CODES, FAMILY_CODES } from "./factor-bits";
import { allOf, facetPredicates } from "./facet-predicates";
import { type FacetKey, type LibraryFilters, facetKeys } from "./library-query";

export type FacetCounts = Record<FacetKey, { value: string; count: number }[]>;

const valueOf: Record<Exclude<FacetKey, "factor" | "family">, RawBuilder<string>> = {
  incident_type: sql`d.incident_type`,
  loss_potential: sql`d.loss_potential`,
  year: sql`CAST(year(d.event_month) AS VARCHAR)`,
  census_region: sql`d.census_region`,
  light: sql`d.light`,
  weather: sql`d.weather`,
  officers_band: sql`d.officers_band`,
};

/** Reports per factor (or family) bit, in one pass: a count per bit, zipped with the codes. */
function bitCounts(key: "factor" | "family", where: RawBuilder<boolean>): RawBuilder<unknown> {
  const codes = key === "factor" ? FACTOR_CODES : FAMILY_CODES;
  const column = sql.ref(key === "factor" ? "d.factor_mask" : "d.family_mask");
  const counts = codes.map((_, bit) => sql`count(*) FILTER (WHERE (${column} & ${sql.lit(2 ** bit)}::BIGINT) <> 0)`);
  return sql`SELECT ${key} AS facet, unnest(codes) AS value, unnest(counts) AS n FROM (
    SELECT [${sql.join(codes.map((c) => sql`${c}::VARCHAR`))}] AS codes, [${sql.join(counts)}] AS counts
    FROM base d WHERE ${where})`;
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
    if (key === "factor" || key === "family") return bitCounts(key, allOf(others));
    return sql`SELECT ${key} AS facet, value, count(*) AS n FROM (
      SELECT ${valueOf[key]} AS value FROM base d WHERE ${allOf(others)}) GROUP BY value`;
  });
  const materialise = source.searching ? sql.raw("MATERIALIZED") : sql.raw("NOT MATERIALIZED");
  const { rows } = await sql<{ facet: FacetKey; value: string | null; n: number }>`
    WITH base AS ${materialise} (
      SELECT d.doc_id, d.incident_type, d.loss_potential, d.event_month, d.census_region, d.light, d.weather,
        d.officers_band, d.factor_mask, d.family_mask
      FROM ${source.from} WHERE ${source.scope})
    ${sql.join(branches, sql` UNION ALL `)}`.execute(db);
  for (const row of rows) if (row.value !== null && row.n > 0) facets[row.facet].push({ value: row.value, count: row.n });
  for (const key of facetKeys) facets[key].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}
