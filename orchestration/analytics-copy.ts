// The analytics copy of scale-out mode (docs/design.md §4): each app process keeps its own DuckDB with
// the published tables, and builds the rollups and the library's search index from them itself. No
// DuckDB file is shared between processes; the system of record (PostgreSQL) is only read here.
import { sql } from "kysely";
import { appendTable } from "../db/move/append-table";
import type { TableCopy, TableName } from "../db/move/copy-database";
import type { Executor } from "../db/database";
import { openDatabase, type OpenDatabase } from "../db/open";
import { rebuildDerivedData } from "./derived-data";

/**
 * What the analytics, the dashboards, the library and the data API read besides the derived tables:
 * published reports and their codes, the agencies they count toward, the release book, featured reports
 * and the settings rows (the book's first quarter, …). Nothing of intake, review, accounts or the audit
 * log: a process's copy holds only what is published.
 */
export const PUBLISHED_TABLES: readonly TableName[] = [
  "taxonomy_versions",
  "taxonomy_terms",
  "agencies",
  "reports",
  "report_factors",
  "report_protected",
  "featured_reports",
  "release_book_releases",
  "release_book_cells",
  "app_meta",
];

export interface AnalyticsCopy {
  database: OpenDatabase;
  tables: TableCopy[];
  seconds: { copy: number; derived: number };
}

/**
 * A new in-memory analytics copy of `source`: the published tables copied, then every derived table
 * rebuilt (search index, rollups, the national cache) as after a seed.
 */
export async function openAnalyticsCopy(
  source: Executor,
  log: (line: string) => void = () => {},
): Promise<AnalyticsCopy> {
  const database = await openDatabase({ location: ":memory:" });
  try {
    const started = performance.now();
    const tables: TableCopy[] = [];
    for (const table of PUBLISHED_TABLES) {
      // The copy's own migrations wrote the taxonomy and settings rows: the source's replace them.
      await sql`DELETE FROM ${sql.table(table)}`.execute(database.db);
      const rows = source.selectFrom(table).selectAll().stream(5000) as AsyncIterable<Record<string, unknown>>;
      tables.push({ table, rows: await appendTable(database.instance, table, rows) });
    }
    const copied = performance.now();
    await rebuildDerivedData(database, log);
    const seconds = { copy: (copied - started) / 1000, derived: (performance.now() - copied) / 1000 };
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    log(`Analytics copy: ${rows} rows in ${seconds.copy.toFixed(1)} s, derived data ${seconds.derived.toFixed(1)} s.`);
    return { database, tables, seconds };
  } catch (error) {
    await database.close();
    throw error;
  }
}
