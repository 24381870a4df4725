import { sql } from "kysely";
import type { Executor } from "../../db/database";
import { inTransaction } from "../../db/in-transaction";
import { bumpRollupVersion } from "./rollup-version";

/** The count tables, each keyed by some columns of its source (one report's row, or its factor rows). */
const countTables = [
  {
    table: "analytics_cube_reports",
    source: "analytics_reports",
    keys: ["event_month", "census_region", "incident_type", "loss_potential"],
  },
  {
    table: "analytics_cube_factors",
    source: "analytics_report_factors",
    keys: ["event_month", "census_region", "incident_type", "loss_potential", "factor_code"],
  },
  {
    table: "analytics_month_factors",
    source: "analytics_report_factors",
    keys: ["event_month", "census_region", "factor_code"],
  },
  {
    table: "analytics_month_loss_factors",
    source: "analytics_report_factors",
    keys: ["event_month", "loss_potential", "factor_code"],
  },
] as const;

/**
 * Counts the report in (+1: a new row starts at 1) or out (−1: a row that would reach 0 goes) of one
 * count table. A report has one row per key in each source, so no two source rows meet the same count.
 */
function countMerge({ table, source, keys }: (typeof countTables)[number], id: string, delta: 1 | -1) {
  const on = sql.join(
    keys.map((k) => sql`c.${sql.ref(k)} = a.${sql.ref(k)}`),
    sql` AND `,
  );
  const columns = sql.join(keys.map((k) => sql.ref(k)));
  const merge = sql`MERGE INTO ${sql.table(table)} c
    USING (SELECT * FROM ${sql.table(source)} WHERE report_id = ${id}::UUID) a ON ${on}`;
  if (delta === -1) {
    return sql`${merge} WHEN MATCHED AND c.reports <= 1 THEN DELETE
      WHEN MATCHED THEN UPDATE SET reports = c.reports - 1`;
  }
  const values = sql.join(keys.map((k) => sql`a.${sql.ref(k)}`));
  return sql`${merge} WHEN MATCHED THEN UPDATE SET reports = c.reports + 1
    WHEN NOT MATCHED THEN INSERT (${columns}, reports) VALUES (${values}, 1)`;
}

function removeStatements(id: string) {
  return [
    ...countTables.map((t) => countMerge(t, id, -1)),
    sql`DELETE FROM analytics_report_factors WHERE report_id = ${id}::UUID`,
    sql`DELETE FROM analytics_reports WHERE report_id = ${id}::UUID`,
  ];
}

function addStatements(id: string) {
  return [
    sql`INSERT INTO analytics_reports
      SELECT r.id, r.event_month, r.incident_type, r.loss_potential, r.census_region, r.light, r.assignment,
        p.agency_id, p.agency_size_band,
        coalesce((SELECT bit_or(1::BIGINT << enum_code(f.factor_code::analytics_factor))::BIGINT
          FROM report_factors f WHERE f.report_id = r.id), 0)
      FROM reports r LEFT JOIN report_protected p ON p.report_id = r.id
      WHERE r.id = ${id}::UUID`,
    sql`INSERT INTO analytics_report_factors
      SELECT a.*, f.factor_code
      FROM (SELECT DISTINCT report_id, factor_code FROM report_factors WHERE report_id = ${id}::UUID) f
      JOIN analytics_reports a ON a.report_id = f.report_id`,
    ...countTables.map((t) => countMerge(t, id, 1)),
  ];
}

/**
 * Brings the analytics rollups up to date for one report: called for each new report after the
 * publication batch commits (server/derived-data.ts), and after a published report is re-coded or
 * withdrawn; it also runs inside a caller's transaction when given one. It removes whatever the report contributed
 * before and adds what it contributes now, so it is idempotent and covers new, changed and removed
 * reports alike. Costs a few milliseconds; `rebuildAnalyticsRollups` gives the same result.
 */
export async function refreshReportInRollups(db: Executor, reportId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const statement of [...removeStatements(reportId), ...addStatements(reportId)]) await statement.execute(trx);
    await bumpRollupVersion(trx);
  });
}
