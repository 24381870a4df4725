import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/open";
import { seedSyntheticData } from "../../db/synthetic/seed";
import { createTestDatabase } from "../../tests/support/test-database";
import { type AnalyticsFiltersInput, parseAnalyticsFilters, resolveFilters } from "../filters";
import { monthDate } from "../../domain/period";
import { rebuildAnalyticsRollups } from "../rollups/rebuild-rollups";
import { AnalyticsSource } from "../source";
import { aggregate, type AggregateRequest, type Dimension } from "./aggregate";
import type { Population } from "./population";

let database: OpenDatabase;
let agencyId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedSyntheticData(database.instance, database.db, { reports: 4000, seed: 9, agencies: 40 });
  await rebuildAnalyticsRollups(database.db);
  agencyId = (
    await sql<{ id: string }>`SELECT agency_id::VARCHAR AS id FROM report_protected WHERE agency_id IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(database.db)
  ).rows[0]!.id;
});
afterAll(async () => {
  await database.close();
});

/** The same count straight from the published tables, as the reference. */
async function direct(r: AggregateRequest): Promise<Map<string, number>> {
  const f = r.filters;
  const dims = r.groupBy.map((d) =>
    d === "event_month"
      ? sql`(year(r.event_month) * 12 + month(r.event_month) - 1)::VARCHAR`
      : d === "agency_id"
        ? sql`p.agency_id::VARCHAR`
        : sql`r.${sql.ref(d)}`,
  );
  const key = sql.join([...dims, ...(r.perFactor ? [sql`f.factor_code`] : []), sql`''`], sql` || '|' || `);
  const p = r.population;
  const scope =
    p.kind === "agency"
      ? sql`p.agency_id = ${p.agencyId}::UUID`
      : p.kind === "linked"
        ? sql`p.agency_id IS NOT NULL`
        : sql`true`;
  const { rows } = await sql<{ key: string; n: number }>`
    SELECT ${key} AS key, count(*) AS n
    FROM reports r JOIN report_protected p ON p.report_id = r.id
    ${r.perFactor ? sql`JOIN report_factors f ON f.report_id = r.id` : sql``}
    WHERE r.event_month BETWEEN ${monthDate(r.months.from)}::DATE AND ${monthDate(r.months.to)}::DATE
      AND (${f.incidentType ?? null}::VARCHAR IS NULL OR r.incident_type = ${f.incidentType ?? null})
      AND (${f.lossPotential ?? null}::VARCHAR IS NULL OR r.loss_potential = ${f.lossPotential ?? null})
      AND (${f.censusRegion ?? null}::VARCHAR IS NULL OR r.census_region = ${f.censusRegion ?? null})
      AND (${f.light ?? null}::VARCHAR IS NULL OR r.light = ${f.light ?? null})
      AND (${f.factor ?? null}::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM report_factors x WHERE x.report_id = r.id
        AND x.factor_code = ${f.factor ?? null}))
      AND ${scope}
    GROUP BY 1`.execute(database.db);
  return new Map(rows.map((row) => [row.key, row.n]));
}

function keyed(rows: Awaited<ReturnType<typeof aggregate>>, r: AggregateRequest): Map<string, number> {
  return new Map(
    rows.map((row) => [
      [
        ...r.groupBy.map((d) => String(d === "event_month" ? row.month : row[d])),
        ...(r.perFactor ? [row.factor_code] : []),
        "",
      ].join("|"),
      row.reports,
    ]),
  );
}

const cases: [string, Population | "agency", AnalyticsFiltersInput, Dimension[], boolean][] = [
  ["national series (month table)", { kind: "all" }, {}, ["event_month", "census_region"], true],
  [
    "national by incident (report cube)",
    { kind: "all" },
    { lossPotential: "fatality" },
    ["event_month", "incident_type"],
    false,
  ],
  [
    "national filtered by incident type (factor cube)",
    { kind: "all" },
    { incidentType: "traffic_stop" },
    ["loss_potential"],
    true,
  ],
  ["national filtered by light (per-report rows)", { kind: "all" }, { light: "dark_unlit" }, ["census_region"], true],
  [
    "national filtered by factor (per-report rows)",
    { kind: "all" },
    { factor: "hc_low_light" },
    ["incident_type"],
    false,
  ],
  ["one agency", "agency", { censusRegion: undefined }, ["event_month", "incident_type"], false],
  ["every linked agency", { kind: "linked" }, {}, ["agency_id"], true],
];

describe("aggregate", () => {
  it.each(cases)(
    "%s gives the same counts as the published tables",
    async (_, population, input, groupBy, perFactor) => {
      const filters = resolveFilters(parseAnalyticsFilters({ from: "2023-01", to: "2025-06", ...input }), 0);
      const request: AggregateRequest = {
        population: population === "agency" ? { kind: "agency", agencyId } : population,
        filters,
        months: filters.window,
        groupBy,
        perFactor,
      };
      const rows = await aggregate(new AnalyticsSource(database.db), request);
      expect(rows.length).toBeGreaterThan(0);
      expect(keyed(rows, request)).toEqual(await direct(request));
    },
  );
});
