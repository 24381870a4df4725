// The analytics copy of scale-out mode (docs/design.md §4): each app process keeps its own DuckDB with
// the published tables, and builds the rollups and the library's search index from them itself. No
// DuckDB file is shared between processes; the system of record (PostgreSQL) is only read here.
import { sql } from "kysely";
import { appendTable } from "../db/move/append-table";
import type { TableCopy, TableName } from "../db/move/copy-database";
import type { Executor } from "../db/database";
import { openDatabase, type OpenDatabase } from "../db/open";
import { latestPublishedChange, publishedChangesSince } from "../db/review/published-changes";
import { ANALYSER_KEY } from "../db/library/search-index";
import { BOOK_VERSION_KEY } from "../analytics/release-book/book-version";
import { ROLLUP_VERSION_KEY } from "../analytics/rollups/rollup-version";
import { rebuildDerivedData, refreshDerivedData } from "./derived-data";

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
  /** The newest change of the source's feed this copy has (db/review/published-changes.ts). */
  changeSeq: number;
}

/**
 * A new in-memory analytics copy of `source`: the published tables copied, then every derived table
 * rebuilt (search index, rollups, the national cache) as after a seed.
 */
export async function openAnalyticsCopy(
  source: Executor,
  log: (line: string) => void = () => {},
  options: { threads?: number } = {},
): Promise<AnalyticsCopy> {
  const database = await openDatabase({ location: ":memory:", threads: options.threads });
  try {
    const started = performance.now();
    // Read first: a change committed while the tables are copied is applied again at the next catch-up.
    const changeSeq = await latestPublishedChange(source);
    const tables: TableCopy[] = [];
    for (const table of PUBLISHED_TABLES) {
      // The copy's own migrations wrote the taxonomy and settings rows: the source's replace them.
      await sql`DELETE FROM ${sql.table(table)}`.execute(database.db);
      tables.push({ table, rows: await appendTable(database.instance, table, streamOf(source, table)) });
    }
    const copied = performance.now();
    await rebuildDerivedData(database, log);
    const seconds = { copy: (copied - started) / 1000, derived: (performance.now() - copied) / 1000 };
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    log(`Analytics copy: ${rows} rows in ${seconds.copy.toFixed(1)} s, derived data ${seconds.derived.toFixed(1)} s.`);
    return { database, tables, seconds, changeSeq };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function streamOf(source: Executor, table: TableName, where?: { column: string; ids: readonly string[] }) {
  let query = source.selectFrom(table).selectAll();
  if (where) query = query.where(sql.ref(where.column), "in", where.ids);
  return query.stream(5000) as AsyncIterable<Record<string, unknown>>;
}

async function replaceTable(source: Executor, copy: OpenDatabase, table: TableName): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)}`.execute(copy.db);
  await appendTable(copy.instance, table, streamOf(source, table));
}

/** A published report's rows, by the column naming the report. */
const REPORT_ROWS: readonly [TableName, string][] = [
  ["reports", "id"],
  ["report_factors", "report_id"],
  ["report_protected", "report_id"],
];
/** Small enough to read whole at every catch-up (3,000 agencies at a million reports). */
const SMALL_TABLES: readonly TableName[] = ["agencies", "featured_reports", "taxonomy_versions", "taxonomy_terms"];
/** Settings the copy keeps its own: its rollup version (its refreshes bump it) and its index's analyser. */
const LOCAL_SETTINGS = [ROLLUP_VERSION_KEY, ANALYSER_KEY];

async function bookStamp(db: Executor): Promise<string> {
  const [version, count] = await Promise.all([
    db.selectFrom("app_meta").select("value").where("key", "=", BOOK_VERSION_KEY).executeTakeFirst(),
    db
      .selectFrom("release_book_releases")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst(),
  ]);
  return `${version?.value ?? ""} ${Number(count?.n ?? 0)}`;
}

/**
 * Brings a process's analytics copy up to the source: the reports the feed names since the copy's last
 * change are replaced row for row and the derived tables refreshed for them (as a publication does in
 * the embedded mode); the small tables and the settings are read again, the release book when it changed
 * (a release bumps its version; an agency that left takes its rows away).
 */
export async function catchUpAnalyticsCopy(
  source: Executor,
  copy: AnalyticsCopy,
): Promise<{ reports: number; book: boolean }> {
  const { reportIds, to } = await publishedChangesSince(source, copy.changeSeq);
  for (let i = 0; i < reportIds.length; i += 1000) {
    const ids = reportIds.slice(i, i + 1000);
    for (const [table, column] of REPORT_ROWS) {
      await copy.database.db.deleteFrom(table).where(sql.ref(column), "in", ids).execute();
      await appendTable(copy.database.instance, table, streamOf(source, table, { column, ids }));
    }
  }
  for (const table of SMALL_TABLES) await replaceTable(source, copy.database, table);
  const book = (await bookStamp(source)) !== (await bookStamp(copy.database.db));
  if (book) {
    await replaceTable(source, copy.database, "release_book_releases");
    await replaceTable(source, copy.database, "release_book_cells");
  }
  const settings = await source.selectFrom("app_meta").selectAll().where("key", "not in", LOCAL_SETTINGS).execute();
  await copy.database.db.deleteFrom("app_meta").where("key", "not in", LOCAL_SETTINGS).execute();
  if (settings.length) await copy.database.db.insertInto("app_meta").values(settings).execute();
  await refreshDerivedData(copy.database.db, reportIds);
  copy.changeSeq = to;
  return { reports: reportIds.length, book };
}
