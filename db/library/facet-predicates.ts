// The SQL predicate of each facet over `library_documents` (alias d).
import { type RawBuilder, sql } from "kysely";
import { factorMask, familyMask } from "./factor-bits";
import { type FacetKey, type LibraryFilters } from "../../domain/library-query";

const inList = (column: string, values: readonly string[]) =>
  values.length === 0 ? null : sql<boolean>`${sql.ref(column)} IN (${sql.join(values)})`;

const anyBit = (column: string, mask: number) => sql<boolean>`(${sql.ref(column)} & ${sql.lit(mask)}::BIGINT) <> 0`;

/** One predicate per facet (null: no filter on it); the text query and agency scope are applied apart. */
export function facetPredicates(filters: LibraryFilters): Record<FacetKey, RawBuilder<boolean> | null> {
  const factors = factorMask(filters.factors);
  const factor =
    filters.factors.length === 0
      ? null
      : filters.factorMatch === "all"
        ? sql<boolean>`(d.factor_mask & ${sql.lit(factors)}::BIGINT) = ${sql.lit(factors)}::BIGINT`
        : anyBit("d.factor_mask", factors);
  const period = [
    filters.from ? sql`d.event_month >= ${`${filters.from}-01`}::DATE` : null,
    filters.to ? sql`d.event_month <= ${`${filters.to}-01`}::DATE` : null,
  ].filter((p) => p !== null);
  return {
    incident_type: inList("d.incident_type", filters.incidentTypes),
    factor,
    family: filters.families.length === 0 ? null : anyBit("d.family_mask", familyMask(filters.families)),
    loss_potential: inList("d.loss_potential", filters.lossPotentials),
    year: period.length === 0 ? null : sql<boolean>`(${sql.join(period, sql` AND `)})`,
    census_region: inList("d.census_region", filters.regions),
    light: inList("d.light", filters.light),
    weather: inList("d.weather", filters.weather),
    officers_band: inList("d.officers_band", filters.officers),
  };
}

/** AND of the given predicates; TRUE when there are none. */
export function allOf(predicates: readonly (RawBuilder<boolean> | null)[]): RawBuilder<boolean> {
  const present = predicates.filter((p): p is RawBuilder<boolean> => p !== null);
  return present.length === 0 ? sql<boolean>`TRUE` : sql<boolean>`(${sql.join(present, sql` AND `)})`;
}
