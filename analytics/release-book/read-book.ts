// An agency's release book as the dashboard, its downloads, the briefing and the data API read it: the
// stored cells only (docs/design.md §6.1 — nothing agency-dependent is computed for a request).
import type { Executor } from "../../db/database";
import type { Count } from "../../domain/figures";
import { CELL, cellIndex, isQuarter, type PeriodLabel, type Population } from "./book-layout";
import { asCount, latestRelease, readBookTables, type ReleaseInfo } from "./book-store";

export interface AgencyBook {
  /** Periods with released tables, oldest first: years ("2025") and quarters ("2025-Q3"). */
  years: PeriodLabel[];
  quarters: PeriodLabel[];
  /** The latest release: which quarter it closed, when (the page's "as of"), the peer groups and k. */
  asOf: ReleaseInfo | null;
  /** The cell of a table, or null when the book has no such table (e.g. peers by quarter). */
  cell(period: PeriodLabel, population: Population, key: string): Count | null;
  /** Whether a period's agency table has the incident type × factor cells. */
  hasMatrix(period: PeriodLabel): boolean;
}

const byPeriod = (a: string, b: string) => a.localeCompare(b);

/** Reads every released table of the agency (a few dozen rows) into a lookup. */
export async function readAgencyBook(db: Executor, agencyId: string): Promise<AgencyBook> {
  const [tables, asOf] = await Promise.all([readBookTables(db, agencyId), latestRelease(db, agencyId)]);
  const index = new Map(tables.map((t) => [`${t.period}|${t.population}`, t.cells]));
  const periods = [...new Set(tables.map((t) => t.period))];
  return {
    years: periods.filter((p) => !isQuarter(p)).sort(byPeriod),
    quarters: periods.filter(isQuarter).sort(byPeriod),
    asOf,
    cell(period, population, key) {
      const cells = index.get(`${period}|${population}`);
      const i = cellIndex(key);
      if (!cells || i === undefined || i >= cells.length) return null;
      return asCount(cells[i]!);
    },
    hasMatrix(period) {
      return (index.get(`${period}|agency`)?.length ?? 0) > CELL.matrix(0, 0);
    },
  };
}
