// What the release book's cells should hold, counted straight from the base tables with SQL written for
// the tests (not the release job's counts): per agency and period of publication, each cell of the
// nation's and the agency's region's published reports (public), of the agency's linked reports and of
// the shared ones among them (what its members read), and of its two peer groups, with how many other
// agencies each peer group has in the period.
import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../../db/database";

export const truthPopulations = ["national", "regional", "agency", "shared", "peer_region", "peer_size"] as const;
export type TruthPopulation = (typeof truthPopulations)[number];

export interface TruthAgency {
  id: string;
  region: string;
  band: string;
}

export interface AgencyTruth {
  agency: TruthAgency;
  /** A cell's count ("n", "i:<type>", "f:<factor>", "l:<loss>", "if:<type>:<factor>"); 0 when no report has it. */
  cell(period: string, population: TruthPopulation, cell: string): number;
  /** Other agencies with linked reports in the peer group in the period. */
  peerAgencies(period: string, group: "region" | "size"): number;
  /** The agency's reports published outside its census region (the attacker's bounds assume none). */
  outsideRegion: number;
}

const CellRow = z.object({
  period: z.string(),
  cell: z.string(),
  national: z.number(),
  regional: z.number(),
  agency: z.number(),
  shared: z.number(),
  peer_region: z.number(),
  peer_size: z.number(),
});
const PeerRow = z.object({ period: z.string(), region: z.number(), size: z.number() });

/**
 * Each report placed in its quarter and its year of publication. "Linked to another agency": agency_id
 * set and not this one; regional peers by the report's census region, size-band peers by the band the
 * report carries (docs/design.md §6.1: other partner agencies of the agency's region / size band).
 */
const placed = (from: string, to: string) => sql`
  SELECT r.id, r.census_region AS region, p.agency_id::VARCHAR AS agency_id, p.agency_size_band AS band,
    p.consent_level AS consent,
    unnest([strftime(r.published_month, '%Y'), strftime(r.published_month, '%Y') || '-Q' ||
      quarter(r.published_month)]) AS period
  FROM reports r LEFT JOIN report_protected p ON p.report_id = r.id
  WHERE r.published_month BETWEEN ${from}::DATE AND ${to}::DATE`;

/** Every cell a report counts in: its total, its incident type, loss potential, factors and type × factor. */
const cited = sql`
  SELECT id, 'n' AS cell FROM reports
  UNION ALL SELECT id, 'i:' || incident_type FROM reports
  UNION ALL SELECT id, 'l:' || loss_potential FROM reports
  UNION ALL SELECT report_id, 'f:' || factor_code FROM report_factors
  UNION ALL SELECT f.report_id, 'if:' || r.incident_type || ':' || f.factor_code FROM report_factors f JOIN reports r
    ON r.id = f.report_id`;

/** The truth for one agency over the years `from`..`to` (whole years). */
export async function readAgencyTruth(
  db: Executor,
  agency: TruthAgency,
  years: { from: number; to: number },
): Promise<AgencyTruth> {
  const from = `${years.from}-01-01`;
  const to = `${years.to}-12-01`;
  const { rows } = await sql`
    WITH placed AS (${placed(from, to)}), cited AS (${cited})
    SELECT period, cell,
      count(*)::INTEGER AS national,
      count(*) FILTER (WHERE region = ${agency.region})::INTEGER AS regional,
      count(*) FILTER (WHERE agency_id = ${agency.id})::INTEGER AS agency,
      count(*) FILTER (WHERE agency_id = ${agency.id} AND consent = 'agency_share')::INTEGER AS shared,
      count(*) FILTER (WHERE agency_id <> ${agency.id} AND region = ${agency.region})::INTEGER AS peer_region,
      count(*) FILTER (WHERE agency_id <> ${agency.id} AND band = ${agency.band})::INTEGER AS peer_size
    FROM placed JOIN cited USING (id)
    GROUP BY ALL`.execute(db);
  const peers = await sql`
    WITH placed AS (${placed(from, to)})
    SELECT period,
      count(DISTINCT agency_id) FILTER (WHERE agency_id <> ${agency.id} AND region = ${agency.region})::INTEGER
        AS region,
      count(DISTINCT agency_id) FILTER (WHERE agency_id <> ${agency.id} AND band = ${agency.band})::INTEGER AS size
    FROM placed GROUP BY ALL`.execute(db);
  const outside = await sql`SELECT count(*)::INTEGER AS n FROM reports r JOIN report_protected p ON p.report_id = r.id
    WHERE p.agency_id = ${agency.id}::UUID AND r.census_region <> ${agency.region}`.execute(db);
  const cells = new Map<string, number>();
  for (const raw of rows) {
    const row = CellRow.parse(raw);
    for (const population of truthPopulations) cells.set(`${row.period}|${population}|${row.cell}`, row[population]);
  }
  const peerCounts = new Map<string, number>();
  for (const raw of peers.rows) {
    const row = PeerRow.parse(raw);
    peerCounts.set(`${row.period}|region`, row.region);
    peerCounts.set(`${row.period}|size`, row.size);
  }
  return {
    agency,
    cell: (period, population, cell) => cells.get(`${period}|${population}|${cell}`) ?? 0,
    peerAgencies: (period, group) => peerCounts.get(`${period}|${group}`) ?? 0,
    outsideRegion: z.object({ n: z.number() }).parse(outside.rows[0]).n,
  };
}

const AgencyRow = z.object({ id: z.string(), region: z.string(), band: z.string(), status: z.string() });

export async function readAgencies(db: Executor): Promise<(TruthAgency & { status: string })[]> {
  const { rows } = await sql`SELECT id::VARCHAR AS id, census_region AS region, size_band AS band, status FROM agencies
        ORDER BY id`.execute(db);
  return rows.map((r) => AgencyRow.parse(r));
}
