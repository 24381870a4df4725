import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { Kysely, sql } from "kysely";
import type { Database } from "./database";
import { DuckDBDialect } from "./dialect/duckdb-dialect";
import { migrateToLatest } from "./migrate";
import { sqlStringLiteral } from "./sql-text";

export const DATABASE_FILE = "closecall.duckdb";

/** An open, migrated system of record: DuckDB (openDatabase) or PostgreSQL (openPostgres). */
export interface OpenStore {
  db: Kysely<Database>;
  /** Where it is, without secrets: a file path, ":memory:" or a connection URL without its password. */
  location: string;
  /** Migrations applied by this open (empty when already current). */
  applied: string[];
  close(): Promise<void>;
}

export interface OpenDatabase extends OpenStore {
  instance: DuckDBInstance;
  /** The file path, or ":memory:". */
  location: string;
  checkpoint(): Promise<void>;
}

export class DatabaseLockedError extends Error {
  constructor(location: string) {
    super(
      `The database ${location} is in use by another process (a running Close Call server?). ` +
        "DuckDB allows one process per database file: stop the server or use --db with another path.",
    );
    this.name = "DatabaseLockedError";
  }
}

export interface OpenOptions {
  /** A DuckDB file path, or ":memory:" for tests. */
  location: string;
  /**
   * Lock the configuration after migrations (docs/design.md §4): no file access from SQL, no further SET.
   * Loading tools that need file access (none today) would pass false.
   */
  lockDown?: boolean;
  /**
   * The one folder SQL may still read and write after the lock-down: a backup's, for EXPORT and IMPORT
   * DATABASE (cli/commands/backup.ts, restore.ts). Every other file stays closed to SQL, so the
   * statements a backup's schema.sql and load.sql hold can reach nothing else.
   */
  fileAccessOnlyTo?: string;
  /** Apply pending migrations (the default). A restore imports a backup's own tables into an empty file first. */
  migrate?: boolean;
  /** DuckDB's worker threads (default: one per core); fewer where several processes share the cores. */
  threads?: number;
}

/**
 * The database holds everything (accounts, sealed submissions, the audit log): only its owner may read
 * it. A new folder is made 700 and the files 600, also when they exist already. DuckDB
 * creates the WAL again after every checkpoint: the server and the CLI also set their process umask to
 * 077 (server/index.ts, bin/closecall.mjs), which only a whole process can decide.
 */
function makePrivateFolder(location: string): void {
  const dir = path.dirname(location);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function narrowFiles(location: string): void {
  for (const file of [location, `${location}.wal`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** Opens (creating if needed) a DuckDB database, applies migrations and locks it down. */
export async function openDatabase({
  location,
  lockDown = true,
  fileAccessOnlyTo,
  migrate = true,
  threads,
}: OpenOptions): Promise<OpenDatabase> {
  if (location !== ":memory:") makePrivateFolder(location);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(location, {
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
      ...(threads ? { threads: String(threads) } : {}),
    });
  } catch (error) {
    if (error instanceof Error && /lock/i.test(error.message)) throw new DatabaseLockedError(location);
    throw error;
  }
  if (location !== ":memory:") narrowFiles(location);
  const db = new Kysely<Database>({ dialect: new DuckDBDialect({ instance }) });
  let applied: string[];
  try {
    applied = migrate ? await migrateToLatest(db) : [];
    if (lockDown) {
      // Named as a folder (trailing separator): /backups/a must not also open /backups/ab (db/open.test.ts).
      if (fileAccessOnlyTo)
        await sql
          .raw(`SET allowed_directories = [${sqlStringLiteral(path.resolve(fileAccessOnlyTo) + path.sep)}]`)
          .execute(db);
      await sql`SET enable_external_access = false`.execute(db);
      await sql`SET lock_configuration = true`.execute(db);
    }
  } catch (error) {
    await db.destroy();
    instance.closeSync();
    throw error;
  }
  let closed = false;
  return {
    instance,
    db,
    location,
    applied,
    async checkpoint() {
      await sql`CHECKPOINT`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (location !== ":memory:") await sql`CHECKPOINT`.execute(db);
      await db.destroy();
      instance.closeSync();
    },
  };
}
