import { sql } from "kysely";
import type { Executor } from "../../db/database";
import { inTransaction } from "../../db/in-transaction";
import { bumpRollupVersion } from "./rollup-version";

// Rows are sorted by agency, then month: DuckDB skips row groups by their min/max, so an agency's
// queries read only the few row groups that hold its reports.
const statements = [
  sql`DELETE FROM analytics_report_factors`,
  sql`DELETE FROM analytics_reports`,
  sql`DELETE FROM analytics_cube_factors`,
  sql`DELETE FROM analytics_cube_reports`,
  sql`DELETE FROM analytics_month_factors`,
  sql`DELETE FROM analytics_month_loss_factors`,
  sql`INSERT INTO analytics_reports
    SELECT r.id, r.event_month, r.incident_type, r.loss_potential, r.census_region, r.light, r.assignment,
      p.agency_id, p.agency_size_band, coalesce(m.mask, 0)
    FROM reports r
    LEFT JOIN report_protected p ON p.report_id = r.id
    LEFT JOIN (
      SELECT report_id, bit_or(1::BIGINT << enum_code(factor_code::analytics_factor))::BIGINT AS mask
      FROM report_factors GROUP BY report_id
    ) m ON m.report_id = r.id
    ORDER BY p.agency_id NULLS LAST, r.event_month`,
  sql`INSERT INTO analytics_report_factors
    SELECT a.*, f.factor_code
    FROM (SELECT DISTINCT report_id, factor_code FROM report_factors) f
    JOIN analytics_reports a ON a.report_id = f.report_id
    ORDER BY a.agency_id NULLS LAST, a.event_month, f.factor_code`,
  sql`INSERT INTO analytics_cube_reports
    SELECT event_month, census_region, incident_type, loss_potential, count(*)
    FROM analytics_reports GROUP BY ALL ORDER BY ALL`,
  sql`INSERT INTO analytics_cube_factors
    SELECT event_month, census_region, incident_type, loss_potential, factor_code, count(*)
    FROM analytics_report_factors GROUP BY ALL ORDER BY ALL`,
  sql`INSERT INTO analytics_month_factors
    SELECT event_month, census_region, factor_code, sum(reports)
    FROM analytics_cube_factors GROUP BY ALL ORDER BY ALL`,
  sql`INSERT INTO analytics_month_loss_factors
    SELECT event_month, loss_potential, factor_code, sum(reports)
    FROM analytics_cube_factors GROUP BY ALL ORDER BY ALL`,
];

/**
 * Rebuilds every analytics rollup from the published reports (after seeding and on `closecall rebuild`).
 * One transaction: readers see the old rollups or the new ones, never a half-built state.
 */
export async function rebuildAnalyticsRollups(db: Executor): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const statement of statements) await statement.execute(trx);
    await bumpRollupVersion(trx);
  });
}
