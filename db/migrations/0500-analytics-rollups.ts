import { type Kysely, sql } from "kysely";
import { runStatements } from "./run-statements";
import taxonomy from "./taxonomy-v1.frozen.json";

// Analytics rollups, derived from published reports and rebuildable at any time: per-report
// rows (agency, peer and filtered queries), a cube by month × region × incident type × loss potential
// (national queries filtered on those fields; at most 34,560 rows for reports) and, per factor, two month
// tables without incident type — by region and by loss potential — for the national series and mixes
// every dashboard shows (at most 17,760 rows each at any volume, where grouping the factor cube's ~740k
// rows at 1M reports took 14 ms).
// ENUM types over the taxonomy v1 codes keep scans and group-bys on one-byte codes (about 2.5× faster
// than VARCHAR at 1M reports); a later taxonomy version recreates them with the rollup tables.
// No primary keys: a rebuild deletes and re-inserts every row in one transaction, which DuckDB's
// unique checks reject; the rollup code keeps one row per key itself.
// The ENUMs' members: taxonomy v1 as frozen for migrations, not today's taxonomy.
const enums = {
  analytics_incident_type: taxonomy.terms.incident_type,
  analytics_loss_potential: taxonomy.terms.loss_potential,
  analytics_census_region: taxonomy.terms.census_region,
  analytics_light: taxonomy.terms.light,
  analytics_assignment: taxonomy.terms.assignment,
  analytics_factor: taxonomy.terms.factor,
  analytics_size_band: taxonomy.terms.agency_size_band,
};

const tables = [
  `CREATE TABLE analytics_reports (
    report_id UUID NOT NULL,
    event_month DATE NOT NULL,
    incident_type analytics_incident_type NOT NULL,
    loss_potential analytics_loss_potential NOT NULL,
    census_region analytics_census_region NOT NULL,
    light analytics_light,
    assignment analytics_assignment,
    agency_id UUID,
    agency_size_band analytics_size_band,
    factor_mask BIGINT NOT NULL
  )`,
  `CREATE TABLE analytics_report_factors (
    report_id UUID NOT NULL,
    event_month DATE NOT NULL,
    incident_type analytics_incident_type NOT NULL,
    loss_potential analytics_loss_potential NOT NULL,
    census_region analytics_census_region NOT NULL,
    light analytics_light,
    assignment analytics_assignment,
    agency_id UUID,
    agency_size_band analytics_size_band,
    factor_mask BIGINT NOT NULL,
    factor_code analytics_factor NOT NULL
  )`,
  `CREATE TABLE analytics_cube_reports (
    event_month DATE NOT NULL,
    census_region analytics_census_region NOT NULL,
    incident_type analytics_incident_type NOT NULL,
    loss_potential analytics_loss_potential NOT NULL,
    reports INTEGER NOT NULL
  )`,
  `CREATE TABLE analytics_month_factors (
    event_month DATE NOT NULL,
    census_region analytics_census_region NOT NULL,
    factor_code analytics_factor NOT NULL,
    reports INTEGER NOT NULL
  )`,
  `CREATE TABLE analytics_month_loss_factors (
    event_month DATE NOT NULL,
    loss_potential analytics_loss_potential NOT NULL,
    factor_code analytics_factor NOT NULL,
    reports INTEGER NOT NULL
  )`,
  `CREATE TABLE analytics_cube_factors (
    event_month DATE NOT NULL,
    census_region analytics_census_region NOT NULL,
    incident_type analytics_incident_type NOT NULL,
    loss_potential analytics_loss_potential NOT NULL,
    factor_code analytics_factor NOT NULL,
    reports INTEGER NOT NULL
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, list] of Object.entries(enums)) {
    // Codes are fixed taxonomy constants, never input: safe to inline (ENUM members cannot be bound).
    const members = list.map((item) => `'${item.code.replaceAll("'", "''")}'`).join(", ");
    await sql.raw(`CREATE TYPE ${name} AS ENUM (${members})`).execute(db);
  }
  await runStatements(db, tables);
}
