import type { Kysely } from "kysely";
import * as v1 from "../../domain/taxonomy/v1";

// Seeds taxonomy v1 as data. A later version gets its own migration and rows with version = 2;
// reports keep the version they were coded with.
type Term = { code: string; label: string; family?: string };

const lists: [string, readonly Term[]][] = [
  ["factor_family", v1.factorFamilies],
  ["factor", v1.factors],
  ["incident_type", v1.incidentTypes],
  ["loss_potential", v1.lossPotentials],
  ["time_block", v1.timeBlocks],
  ["light", v1.lightConditions],
  ["weather", v1.weatherConditions],
  ["officers_band", v1.officerBands],
  ["assignment", v1.assignments],
  ["service_band", v1.serviceBands],
  ["census_region", v1.censusRegions],
  ["agency_size_band", v1.agencySizeBands],
  ["consent_level", v1.consentLevels],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto("taxonomy_versions")
    .values({ version: v1.TAXONOMY_VERSION, label: "Taxonomy v1", effective_on: "2026-01-01", is_current: true })
    .execute();
  const rows = lists.flatMap(([kind, terms]) =>
    terms.map((term, position) => ({
      version: v1.TAXONOMY_VERSION,
      kind,
      code: term.code,
      label: term.label,
      parent_code: term.family ?? null,
      position,
    })),
  );
  await db.insertInto("taxonomy_terms").values(rows).execute();
}
