// The raw counts behind one year of the release book: every published report of the year's quarters
// (by quarter of publication) counted into the book's cells, per census region, per agency (all its
// linked reports and the shared ones apart) and per size band. Read once per release run for all
// agencies; never sent anywhere: the release job suppresses, audits and stores from these.
import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../../db/database";
import { agencySizeBands, censusRegions } from "../../domain/taxonomy/index";
import { CELL, factorIndex, lossIndex, MATRIX_CELLS, type PeriodLabel, quartersOf, typeIndex } from "./book-layout";

export type Cells = Int32Array;

export interface AgencyCounts {
  /** Reports counted toward the agency (shared and count-only), by quarter index 0..3. */
  linked: Cells[];
  /** Of those, the ones shared with the agency's team: its members can read them (the free layer). */
  shared: Cells[];
  /** The size band the agency's reports carry (peer groups count by it), by quarter. */
  bandCells: Map<string, Cells[]>;
}

export interface YearCounts {
  year: number;
  quarters: PeriodLabel[];
  /** All published reports by region (public), [region][quarter]. */
  national: Map<string, Cells[]>;
  /** Reports linked to any agency, by region, [region][quarter]. */
  linkedByRegion: Map<string, Cells[]>;
  /** Reports linked to any agency, by the size band they carry, [band][quarter]. */
  linkedByBand: Map<string, Cells[]>;
  /** Distinct agencies with linked reports, by region and by band, [key][quarter]. */
  agenciesByRegion: Map<string, Set<string>[]>;
  agenciesByBand: Map<string, Set<string>[]>;
  byAgency: Map<string, AgencyCounts>;
}

const CountRow = z.object({
  q: z.number().int(),
  region: z.string(),
  agency: z.string().nullable(),
  band: z.string().nullable(),
  shared: z.boolean(),
  incident: z.string(),
  reports: z.number().int(),
});
const ReportRow = CountRow.extend({ loss: z.string() });
const FactorRow = CountRow.extend({ factor: z.string() });

/**
 * Published reports of the months from..to, counted by quarter, region, agency, size band, sharing and
 * incident type, and by loss potential (each report once) or by cited factor (each report once per factor).
 */
function countReports(db: Executor, from: string, to: string, by: "loss" | "factor") {
  const column = by === "loss" ? sql`r.loss_potential AS loss` : sql`f.factor_code AS factor`;
  const factorJoin = by === "factor" ? sql`JOIN report_factors f ON f.report_id = r.id` : sql``;
  return sql`SELECT (month(r.published_month) - 1) // 3 AS q, r.census_region AS region, p.agency_id::VARCHAR AS agency,
      p.agency_size_band AS band, coalesce(p.consent_level = 'agency_share', false) AS shared,
      r.incident_type AS incident,
      ${column}, count(*)::INTEGER AS reports
    FROM reports r ${factorJoin} LEFT JOIN report_protected p ON p.report_id = r.id
    WHERE r.published_month BETWEEN ${from}::DATE AND ${to}::DATE
    GROUP BY ALL`.execute(db);
}

function quarterCells(): Cells[] {
  return [0, 1, 2, 3].map(() => new Int32Array(MATRIX_CELLS));
}

function cellsOf<K>(map: Map<K, Cells[]>, key: K): Cells[] {
  let cells = map.get(key);
  if (!cells) map.set(key, (cells = quarterCells()));
  return cells;
}

function agenciesOf(map: Map<string, Set<string>[]>, key: string): Set<string>[] {
  let sets = map.get(key);
  if (!sets) map.set(key, (sets = [0, 1, 2, 3].map(() => new Set<string>())));
  return sets;
}

/** The counts of one year's four quarters of publication. */
export async function readYearCounts(db: Executor, year: number): Promise<YearCounts> {
  const from = `${year}-01-01`;
  const to = `${year}-12-01`;
  const [reports, cited] = await Promise.all([
    countReports(db, from, to, "loss"),
    countReports(db, from, to, "factor"),
  ]);
  const counts: YearCounts = {
    year,
    quarters: quartersOf(year),
    national: new Map(),
    linkedByRegion: new Map(),
    linkedByBand: new Map(),
    agenciesByRegion: new Map(),
    agenciesByBand: new Map(),
    byAgency: new Map(),
  };
  for (const r of censusRegions) cellsOf(counts.national, r.code);
  for (const b of agencySizeBands) cellsOf(counts.linkedByBand, b.code);

  const targets = (row: {
    q: number;
    region: string;
    agency: string | null;
    band: string | null;
    shared: boolean;
  }): Cells[] => {
    const out = [cellsOf(counts.national, row.region)[row.q]!];
    if (row.agency) {
      out.push(cellsOf(counts.linkedByRegion, row.region)[row.q]!);
      agenciesOf(counts.agenciesByRegion, row.region)[row.q]!.add(row.agency);
      let agency = counts.byAgency.get(row.agency);
      if (!agency)
        counts.byAgency.set(
          row.agency,
          (agency = { linked: quarterCells(), shared: quarterCells(), bandCells: new Map() }),
        );
      out.push(agency.linked[row.q]!);
      if (row.shared) out.push(agency.shared[row.q]!);
      if (row.band) {
        out.push(cellsOf(counts.linkedByBand, row.band)[row.q]!);
        agenciesOf(counts.agenciesByBand, row.band)[row.q]!.add(row.agency);
        out.push(cellsOf(agency.bandCells, row.band)[row.q]!);
      }
    }
    return out;
  };
  for (const raw of reports.rows) {
    const row = ReportRow.parse(raw);
    const t = typeIndex.get(row.incident);
    const l = lossIndex.get(row.loss);
    if (t === undefined || l === undefined)
      throw new Error(`A published report has an unknown code: ${row.incident} / ${row.loss}`);
    for (const cells of targets(row)) {
      cells[CELL.total]! += row.reports;
      cells[CELL.incident(t)]! += row.reports;
      cells[CELL.loss(l)]! += row.reports;
    }
  }
  for (const raw of cited.rows) {
    const row = FactorRow.parse(raw);
    const t = typeIndex.get(row.incident);
    const f = factorIndex.get(row.factor);
    if (t === undefined || f === undefined)
      throw new Error(`A published report has an unknown code: ${row.incident} / ${row.factor}`);
    for (const cells of targets(row)) {
      cells[CELL.factor(f)]! += row.reports;
      cells[CELL.matrix(t, f)]! += row.reports;
    }
  }
  return counts;
}

/** Σ of the national cells over every region, per quarter. */
export function nationalCells(counts: YearCounts): Cells[] {
  const out = quarterCells();
  for (const perQuarter of counts.national.values())
    perQuarter.forEach((cells, q) => cells.forEach((v, i) => (out[q]![i]! += v)));
  return out;
}

export const emptyCells = (): Cells => new Int32Array(MATRIX_CELLS);
