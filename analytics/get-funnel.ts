import { sql } from "kysely";
import { z } from "zod";
import { factors } from "../domain/taxonomy/index";
import { type AnalyticsFilters, resolveFilters } from "./filters";
import { type MeasureMeta, measureMeta, REPORTS_NOT_RATES } from "./measure-meta";
import { CellBook } from "./privacy/cell-book";
import { type Count, type Suppressed, suppressed } from "../domain/figures";
import type { PrivacyRules } from "./privacy/rules";
import { aggregate, agencyFactorCounts } from "./queries/aggregate";
import { windowFactorTotals, windowTotal } from "./queries/slices";
import { type AnalyticsDb, type AnalyticsSource, latestMonth, sourceOf } from "./source";
import { funnelCurve } from "./stats/funnel-curve";
import { type FunnelLimits, type FunnelSide, funnelSide } from "./stats/funnel-limits";
import { AnalyticsAccessError, type Viewer } from "./viewer";

export type FunnelPosition = FunnelSide;

/** An agency on the plot, named: the per-request funnel is for programme staff only. */
export interface FunnelAgency {
  agencyId?: string;
  agencyName?: string;
  reports: Count;
}

export interface FunnelPoint {
  /** Index into FunnelResult.agencies. */
  agency: number;
  count: Count;
  share: number | Suppressed;
  position: FunnelPosition | Suppressed;
}

export interface FunnelFactor {
  factor: string;
  label: string;
  /** The national share every agency is compared with (all reports, public). */
  nationalShare: number | null;
  /** Limits along n, to draw the funnel. */
  curve: FunnelLimits[];
  points: FunnelPoint[];
}

export interface FunnelResult {
  meta: MeasureMeta;
  agencies: FunnelAgency[];
  factors: FunnelFactor[];
}

const NameSchema = z.object({ id: z.string(), name: z.string() });

async function agencyNames(source: AnalyticsSource, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } =
    await sql`SELECT id::VARCHAR AS id, name FROM agencies WHERE id IN (SELECT unnest(${ids}::UUID[]))`.execute(
      source.db,
    );
  return new Map(
    z
      .array(NameSchema)
      .parse(rows)
      .map((r) => [r.id, r.name]),
  );
}

/**
 * Funnel plot (Spiegelhalter 2005): each agency's share of reports citing a factor against its number of
 * reports, with exact binomial 95% and 99.8% limits around the national share. Programme staff see every
 * agency above the minimum; an agency sees only its own point and the limits (docs/design.md §7).
 */
export async function getFunnel(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  viewer: Viewer,
  privacy: PrivacyRules,
  options: { factors?: readonly string[] } = {},
): Promise<FunnelResult> {
  // Agencies' own figures come from their release books; this per-request funnel is for programme staff.
  if (viewer.kind !== "national")
    throw new AnalyticsAccessError(
      "The funnel of agencies is for programme staff; an agency's own figures come from its release book",
    );
  const source = sourceOf(db);
  const resolved = resolveFilters({ ...filters, scope: "national" }, await latestMonth(source));
  const window = { filters: resolved, months: resolved.window };
  const all = { kind: "all" as const };
  const [nationalTotal, nationalByFactor, totals] = await Promise.all([
    windowTotal(source, all, resolved),
    windowFactorTotals(source, all, resolved),
    aggregate(source, { ...window, population: { kind: "linked" }, groupBy: ["agency_id"], perFactor: false }),
  ]);
  // The agency-minimum rule: agencies below it are left out of the plot altogether.
  const included = totals.filter((r) => r.reports >= Math.max(privacy.agencyMinReports, privacy.k));
  const ids = included.map((r) => r.agency_id!);
  const counts = new Map<string, number>();
  for (const r of await agencyFactorCounts(source, window, ids)) counts.set(`${r.agency}:${r.factor_code}`, r.reports);
  const tags = { protected: true } as const;
  const book = new CellBook();
  const nCells = included.map((r, i) => book.add(`n:${i}`, r.reports, tags));
  const wanted = factors.filter((f) => !options.factors || options.factors.includes(f.code));
  const aCells = wanted.map((f) =>
    ids.map((_, i) => book.add(`a:${i}:${f.code}`, counts.get(`${i}:${f.code}`) ?? 0, tags)),
  );
  const released = book.release(privacy, {});
  const names = await agencyNames(source, ids);

  const agencies: FunnelAgency[] = ids.map((id, i) => ({
    agencyId: id,
    agencyName: names.get(id) ?? "",
    reports: released.count(nCells[i]!),
  }));
  const releasedNs = agencies.map((a) => a.reports).filter((n): n is number => typeof n === "number");
  const lo = Math.max(privacy.agencyMinReports, privacy.k);
  const hi = Math.max(lo * 4, ...releasedNs.map((n) => n * 1.2));
  return {
    meta: measureMeta(
      {
        measure: "funnel",
        title: "Agencies against the national share",
        description:
          `Each agency's share of reports citing the factor against its number of reports, with 95% and 99.8% ` +
          `limits around the national share. ${REPORTS_NOT_RATES}`,
      },
      resolved,
      { subject: { label: { kind: "partner_agencies", label: "Partner agencies" } }, reference: null },
      released,
      privacy,
    ),
    agencies,
    factors: wanted.map((f, j) => {
      const p0 = nationalTotal > 0 ? (nationalByFactor.get(f.code) ?? 0) / nationalTotal : null;
      const points: FunnelPoint[] = ids.map((_, i) => {
        const count = released.count(aCells[j]![i]!);
        const n = agencies[i]!.reports;
        if (typeof count !== "number" || typeof n !== "number")
          return { agency: i, count, share: suppressed("derived"), position: suppressed("derived") };
        if (n === 0)
          return { agency: i, count, share: suppressed("agency_minimum"), position: suppressed("agency_minimum") };
        return {
          agency: i,
          count,
          share: count / n,
          position: p0 === null ? suppressed("derived") : funnelSide(count, n, p0),
        };
      });
      return {
        factor: f.code,
        label: f.label,
        nationalShare: p0,
        curve: p0 === null ? [] : funnelCurve(lo, hi, p0),
        points,
      };
    }),
  };
}
