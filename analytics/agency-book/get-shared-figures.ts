import { sql, type RawBuilder } from "kysely";
import { z } from "zod";
import type { Executor } from "../../db/database";
import { factors, labels } from "../../domain/taxonomy/index";
import type { ShareEstimate } from "../../domain/figures";
import { monthLabel } from "../../domain/period";
import { shareOf } from "./book-figures";

/** Filters of the free layer: any months of publication and any of the coded fields (docs/design.md §6.1). */
export interface SharedFilters {
  /** Months of publication, as month indexes (year·12 + month − 1), inclusive. */
  from: number;
  to: number;
  incidentType?: string;
  factor?: string;
  lossPotential?: string;
}

export interface SharedFigures {
  from: string;
  to: string;
  /** Reports shared with the agency's team, and the nation's other reports, by quarter of publication. */
  quarters: { quarter: string; shared: number; nationWithoutShared: number }[];
  reports: number;
  nationReports: number;
  factors: {
    factor: string;
    label: string;
    shared: { count: number; share: ShareEstimate | null };
    nation: { count: number; share: ShareEstimate | null };
  }[];
}

const QuarterRow = z.object({ quarter: z.string(), shared: z.number(), total: z.number() });
const FactorRow = z.object({ factor: z.string(), shared: z.number(), total: z.number() });

/**
 * The free layer (docs/design.md §6.1): figures over the reports officers chose to share with the agency's
 * team — which its members can already read in the library — and over the nation without them. Both
 * disclose nothing a member cannot count for themselves, so they need no suppression and take any
 * period and filter. Computed per request from published fields and the sharing choice only.
 */
export async function getSharedFigures(db: Executor, agencyId: string, filters: SharedFilters): Promise<SharedFigures> {
  const where: RawBuilder<unknown>[] = [
    sql`r.published_month BETWEEN ${`${monthLabel(filters.from)}-01`}::DATE
        AND ${`${monthLabel(filters.to)}-01`}::DATE`,
  ];
  if (filters.incidentType) where.push(sql`r.incident_type = ${filters.incidentType}`);
  if (filters.lossPotential) where.push(sql`r.loss_potential = ${filters.lossPotential}`);
  if (filters.factor)
    where.push(
      sql`EXISTS (SELECT 1 FROM report_factors x WHERE x.report_id = r.id AND x.factor_code = ${filters.factor})`,
    );
  const shared = sql`coalesce(p.consent_level = 'agency_share' AND p.agency_id = ${agencyId}::UUID, false)`;
  const [byQuarter, byFactor] = await Promise.all([
    sql`SELECT year(r.published_month) || '-Q' || ((month(r.published_month) - 1) // 3 + 1) AS quarter,
        count(*) FILTER (WHERE ${shared})::INTEGER AS shared, count(*)::INTEGER AS total
      FROM reports r LEFT JOIN report_protected p ON p.report_id = r.id
      WHERE ${sql.join(where, sql` AND `)} GROUP BY 1 ORDER BY 1`.execute(db),
    sql`SELECT f.factor_code AS factor, count(*) FILTER (WHERE ${shared})::INTEGER AS shared, count(*)::INTEGER AS total
      FROM reports r JOIN report_factors f ON f.report_id = r.id LEFT JOIN report_protected p ON p.report_id = r.id
      WHERE ${sql.join(where, sql` AND `)} GROUP BY 1`.execute(db),
  ]);
  const quarters = byQuarter.rows.map((raw) => {
    const row = QuarterRow.parse(raw);
    return { quarter: row.quarter, shared: row.shared, nationWithoutShared: row.total - row.shared };
  });
  const reports = quarters.reduce((sum, q) => sum + q.shared, 0);
  const nationReports = quarters.reduce((sum, q) => sum + q.nationWithoutShared, 0);
  const cited = new Map(
    byFactor.rows.map((raw) => {
      const row = FactorRow.parse(raw);
      return [row.factor, row];
    }),
  );
  const estimate = (count: number, n: number) => {
    const s = shareOf(count, n);
    return s && !("suppressed" in s) ? s : null;
  };
  return {
    from: monthLabel(filters.from),
    to: monthLabel(filters.to),
    quarters,
    reports,
    nationReports,
    factors: factors.map((f) => {
      const row = cited.get(f.code);
      const sharedCount = row?.shared ?? 0;
      const nationCount = (row?.total ?? 0) - sharedCount;
      return {
        factor: f.code,
        label: labels.factor(f.code),
        shared: { count: sharedCount, share: estimate(sharedCount, reports) },
        nation: { count: nationCount, share: estimate(nationCount, nationReports) },
      };
    }),
  };
}
