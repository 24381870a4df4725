// Copying a deployment's records from one database into another (the embedded DuckDB file into
// PostgreSQL: `closecall move-to-postgres`), through Kysely on both sides so that every value goes
// through the same column types the repositories use.
import { sql, type Kysely } from "kysely";
import { type Database, type Executor, schemaColumns } from "../database";
import { isPostgres } from "../dialect/postgres-values";
import { inTransaction } from "../in-transaction";

export type TableName = keyof Database;

/**
 * Tables made from the others, never copied: the analytics rollups and the library's search index are
 * rebuilt from the published reports wherever the analytics run (docs/design.md §4: each app process keeps
 * its own analytics copy).
 */
export const DERIVED_TABLES: ReadonlySet<TableName> = new Set<TableName>([
  "analytics_reports",
  "analytics_report_factors",
  "analytics_cube_reports",
  "analytics_cube_factors",
  "analytics_month_factors",
  "analytics_month_loss_factors",
  "library_documents",
  "search_postings",
  "search_vocabulary",
  "search_terms",
]);

/** Every table of record, in the schema's order. */
export const RECORD_TABLES: readonly TableName[] = (Object.keys(schemaColumns) as TableName[]).filter(
  (t) => !DERIVED_TABLES.has(t),
);

/** Tables whose rows mean the target is a deployment in use, not a freshly migrated one. */
const IN_USE_TABLES: readonly TableName[] = ["users", "submissions", "reports", "audit_log", "agencies"];

export class TargetInUseError extends Error {
  constructor(readonly tables: string[]) {
    super(
      `The target database already holds records (${tables.join(", ")}): moving into it could mix two ` +
        "deployments. Move into a new, empty database.",
    );
    this.name = "TargetInUseError";
  }
}

export async function countRows(db: Executor, table: TableName): Promise<number> {
  const { rows } = await sql<{ n: number | string | bigint }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

export interface TableCopy {
  table: TableName;
  rows: number;
}

/**
 * Copies every table of record from `from` into `to`, in one transaction on the target: all or nothing.
 * The target must be freshly migrated (what its migrations put there — the taxonomy, settings — is
 * replaced by the source's own rows); one holding records is refused.
 */
export async function copyRecordTables(
  from: Executor,
  to: Kysely<Database>,
  options: { tables?: readonly TableName[]; batchRows?: number; progress?: (copy: TableCopy) => void } = {},
): Promise<TableCopy[]> {
  const tables = options.tables ?? RECORD_TABLES;
  const batchRows = options.batchRows ?? 1000;
  const inUse: string[] = [];
  for (const table of IN_USE_TABLES) if ((await countRows(to, table)) > 0) inUse.push(table);
  if (inUse.length) throw new TargetInUseError(inUse);
  return inTransaction(to, async (trx) => {
    for (const table of [...tables].reverse()) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
    const copies: TableCopy[] = [];
    for (const table of tables) {
      let copied = 0;
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await trx
          .insertInto(table)
          .values(batch as never)
          .execute();
        copied += batch.length;
        batch = [];
      };
      // Streamed, so that a million reports never sit in memory at once.
      for await (const row of from.selectFrom(table).selectAll().stream(batchRows)) {
        batch.push(row as Record<string, unknown>);
        if (batch.length >= batchRows) await flush();
      }
      await flush();
      const copy = { table, rows: copied };
      copies.push(copy);
      options.progress?.(copy);
    }
    if (tables.includes("published_changes") && isPostgres(to)) await continueFeedSequence(trx);
    return copies;
  });
}

/**
 * The feed's rows keep their numbers; the sequence that numbers new ones must go on after them, or the
 * first publication after the move would take a number already used. (A DuckDB target — the tests — has
 * no setval; nothing is published into it.)
 */
async function continueFeedSequence(trx: Executor): Promise<void> {
  await sql`SELECT setval('published_change_seq', max(seq)) FROM published_changes HAVING max(seq) IS NOT NULL`.execute(
    trx,
  );
}

export interface CountCheck {
  table: TableName;
  source: number;
  target: number;
}

/** Each table's row count on both sides; the move is good only when none differ. */
export async function compareRowCounts(
  from: Executor,
  to: Executor,
  tables: readonly TableName[] = RECORD_TABLES,
): Promise<{ checks: CountCheck[]; differing: CountCheck[] }> {
  const checks: CountCheck[] = [];
  for (const table of tables)
    checks.push({ table, source: await countRows(from, table), target: await countRows(to, table) });
  return { checks, differing: checks.filter((c) => c.source !== c.target) };
}
