import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase, type OpenDatabase } from "../open";
import { sqlStringLiteral } from "../sql-text";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type BackupManifest, writeManifest } from "./manifest";
import { summariseTables } from "./table-digest";

/** A backup goes to a new folder or an empty one, never over another backup or anything else. */
export function refuseUsedFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new BackupError(`${dir} exists and is not a folder.`);
  if (readdirSync(dir).length > 0)
    throw new BackupError(`${dir} is not empty: a backup goes to a new or empty folder, never over another.`);
}

/** A backup without its manifest would only be refused later: removes what a failed run wrote. */
export function removeWritten(target: string, made: boolean): void {
  if (made) rmSync(target, { recursive: true, force: true });
  else if (existsSync(target))
    for (const file of readdirSync(target)) rmSync(path.join(target, file), { recursive: true, force: true });
}

/**
 * Writes a complete copy of the database at `location` into `dir`: DuckDB's EXPORT DATABASE (schema.sql,
 * load.sql and one Parquet file per table) and, last, manifest.json with each table's row count and
 * content digest, the migrations applied and the audit log's head, against which a restore is checked.
 * The files hold sealed submissions and the audit log: mode 600 in a folder of mode 700, as the database.
 */
export async function backupDatabase(location: string, dir: string): Promise<BackupManifest> {
  const target = path.resolve(dir);
  if (!existsSync(location)) throw new BackupError(`There is no database at ${location}.`);
  refuseUsedFolder(target);
  // The lock-down stays on, with the backup folder as the one place SQL may write (EXPORT DATABASE).
  // Opened before the folder is made: a database a running server holds is refused with nothing written.
  const database = await openDatabase({ location, fileAccessOnlyTo: target });
  try {
    // Made (or narrowed) to mode 700 before anything is written in it: no file of the backup is ever
    // readable by others, whatever the process umask.
    const made = !existsSync(target);
    if (made) mkdirSync(target, { recursive: true, mode: 0o700 });
    else chmodSync(target, 0o700);
    try {
      return await exportWithManifest(database, target);
    } catch (error) {
      removeWritten(target, made);
      throw error;
    }
  } finally {
    await database.close();
  }
}

async function exportWithManifest(database: OpenDatabase, target: string): Promise<BackupManifest> {
  await database.checkpoint();
  await sql.raw(`EXPORT DATABASE ${sqlStringLiteral(target)} (FORMAT parquet)`).execute(database.db);
  for (const file of readdirSync(target)) chmodSync(path.join(target, file), 0o600);
  const { rows: version } = await sql<{ v: string }>`SELECT version() AS v`.execute(database.db);
  const { rows: applied } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
    database.db,
  );
  const head = await database.db
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    store: "duckdb",
    duckdbVersion: version[0]!.v,
    migrations: applied.map((m) => m.name),
    digestMethod: "sha256-of-sorted-row-sha256-v1",
    tables: await summariseTables(database.db),
    auditHead: head ? { seq: head.seq, hash: head.hash } : null,
  };
  writeManifest(target, manifest);
  return manifest;
}
