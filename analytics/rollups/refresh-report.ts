import { sql } from "kysely";
import type { Executor } from "../../db/database";
import { inTransaction } from "../../db/in-transaction";
import { bumpRollupVersion } from "./rollup-version";

const sameReportKey = sql`c.event_month = a.event_month AND c.census_region = a.census_region
  AND c.incident_type = a.incident_type AND c.loss_potential = a.loss_potential`;
const sameMonthFactorKey = sql`c.event_month = a.event_month AND c.census_region = a.census_region
    AND c.factor_code = a.factor_code`;
const sameMonthLossKey = sql`c.event_month = a.event_month AND c.loss_potential = a.loss_potential
    AND c.factor_code = a.factor_code`;

function removeStatements(id: string) {
  return [
    sql`UPDATE analytics_cube_reports c SET reports = c.reports - 1
      FROM analytics_reports a WHERE a.report_id = ${id}::UUID AND ${sameReportKey}`,
    sql`UPDATE analytics_cube_factors c SET reports = c.reports - 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID AND ${sameReportKey}
        AND c.factor_code = a.factor_code`,
    sql`UPDATE analytics_month_factors c SET reports = c.reports - 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID AND ${sameMonthFactorKey}`,
    sql`UPDATE analytics_month_loss_factors c SET reports = c.reports - 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID AND ${sameMonthLossKey}`,
    sql`DELETE FROM analytics_report_factors WHERE report_id = ${id}::UUID`,
    sql`DELETE FROM analytics_reports WHERE report_id = ${id}::UUID`,
    sql`DELETE FROM analytics_cube_reports WHERE reports <= 0`,
    sql`DELETE FROM analytics_cube_factors WHERE reports <= 0`,
    sql`DELETE FROM analytics_month_factors WHERE reports <= 0`,
    sql`DELETE FROM analytics_month_loss_factors WHERE reports <= 0`,
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
    sql`UPDATE analytics_cube_reports c SET reports = c.reports + 1
      FROM analytics_reports a WHERE a.report_id = ${id}::UUID AND ${sameReportKey}`,
    sql`INSERT INTO analytics_cube_reports
      SELECT a.event_month, a.census_region, a.incident_type, a.loss_potential, 1
      FROM analytics_reports a WHERE a.report_id = ${id}::UUID
        AND NOT EXISTS (SELECT 1 FROM analytics_cube_reports c WHERE ${sameReportKey})`,
    sql`UPDATE analytics_cube_factors c SET reports = c.reports + 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID AND ${sameReportKey}
        AND c.factor_code = a.factor_code`,
    sql`INSERT INTO analytics_cube_factors
      SELECT a.event_month, a.census_region, a.incident_type, a.loss_potential, a.factor_code, 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID
        AND NOT EXISTS (SELECT 1 FROM analytics_cube_factors c WHERE ${sameReportKey}
          AND c.factor_code = a.factor_code)`,
    sql`UPDATE analytics_month_factors c SET reports = c.reports + 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID AND ${sameMonthFactorKey}`,
    sql`INSERT INTO analytics_month_factors
      SELECT a.event_month, a.census_region, a.factor_code, 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID
        AND NOT EXISTS (SELECT 1 FROM analytics_month_factors c WHERE ${sameMonthFactorKey})`,
    sql`UPDATE analytics_month_loss_factors c SET reports = c.reports + 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID AND ${sameMonthLossKey}`,
    sql`INSERT INTO analytics_month_loss_factors
      SELECT a.event_month, a.loss_potential, a.factor_code, 1
      FROM analytics_report_factors a WHERE a.report_id = ${id}::UUID
        AND NOT EXISTS (SELECT 1 FROM analytics_month_loss_factors c WHERE ${sameMonthLossKey})`,
  ];
}

/**
 * Brings the analytics rollups up to date for one report: called for each new report after the
 * publication batch commits (orchestration/derived-data.ts), and after a published report is re-coded or
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
