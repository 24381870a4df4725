import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { AUDIT_HEAD_FILE, writeAuditHead } from "../audit/audit-anchor";
import { verifyAuditChain } from "../audit/audit-log";
import { openDatabase } from "../open";
import { sqlStringLiteral } from "../sql-text";
import { BackupError, type BackupManifest, readManifest, type TableSummary } from "./manifest";
import { summariseTables } from "./table-digest";

export interface RestoreOptions {
  /** The backup folder (backupDatabase's). */
  dir: string;
  /** The database file to create; with `force` an existing one is replaced, once the new one is verified. */
  target: string;
  force: boolean;
  /** The audit chain's key: the server key of the deployment restored into must be the backup's. */
  auditKey: Buffer;
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
  auditEntries: number;
  /** Migrations applied after the import (a backup made by an earlier version). */
  migrated: string[];
}

/** The first difference between the manifest's tables and the restored ones, or null. */
function tableMismatch(expected: TableSummary[], found: TableSummary[]): string | null {
  const restored = new Map(found.map((t) => [t.name, t]));
  for (const want of expected) {
    const got = restored.get(want.name);
    if (!got) return `table ${want.name} is in the manifest but not in the backup`;
    if (got.rows !== want.rows) return `table ${want.name} has ${got.rows} rows, its manifest says ${want.rows}`;
    if (got.digest !== want.digest)
      return `table ${want.name} has ${got.rows} rows as its manifest says, but their contents differ from its digest`;
  }
  const extra = found.find((t) => !expected.some((e) => e.name === t.name));
  return extra ? `table ${extra.name} is in the backup but not in its manifest` : null;
}

/** IMPORT DATABASE into a new file, then every table's count and digest against the manifest. */
async function importAndCompare(staging: string, dir: string, manifest: BackupManifest): Promise<void> {
  // Migrations are left out (IMPORT DATABASE creates the backup's own tables, migration list included);
  // the lock-down stays on, open only to the backup folder, which IMPORT reads.
  const database = await openDatabase({ location: staging, migrate: false, fileAccessOnlyTo: dir });
  try {
    try {
      await sql.raw(`IMPORT DATABASE ${sqlStringLiteral(dir)}`).execute(database.db);
    } catch (error) {
      // A failed IMPORT leaves its transaction aborted, and close() could not checkpoint the file.
      await sql`ROLLBACK`.execute(database.db).catch(() => undefined);
      throw new BackupError(
        `The backup in ${dir} could not be loaded (a file is missing or damaged): ` +
          `${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    const problem = tableMismatch(manifest.tables, await summariseTables(database.db));
    if (problem) throw new BackupError(`The backup in ${dir} does not match its manifest: ${problem}.`);
  } finally {
    await database.close();
  }
}

/** Applies migrations newer than the backup, then walks the audit chain up to the manifest's head. */
async function migrateAndVerifyAudit(
  staging: string,
  manifest: BackupManifest,
  auditKey: Buffer,
): Promise<{ migrated: string[]; auditEntries: number }> {
  const headFile = `${staging}.audit-head.json`;
  const database = await openDatabase({ location: staging });
  try {
    if (manifest.auditHead) writeAuditHead(headFile, manifest.auditHead);
    const chain = await verifyAuditChain(database.db, { key: auditKey, headFile });
    if (!chain.ok)
      throw new BackupError(
        `The restored audit log does not verify: entry ${chain.brokenAt}: ${chain.problem}. The server key ` +
          "(INTAKE_KEY, or intake.key beside the target) must be the one of the deployment the backup came from.",
      );
    return { migrated: database.applied, auditEntries: chain.entries };
  } finally {
    await database.close();
    rmSync(headFile, { force: true });
  }
}

/**
 * Restores a backup into a new database file, verified before it takes the target's place: each table's
 * row count and content digest must match the manifest and the audit chain must verify under the
 * deployment's key. The new file is written beside the target and renamed onto it only then, so a
 * failed restore leaves the target as it was (or absent). The audit head file beside the target is set
 * to the backup's newest entry: after a restore from an older backup, the newer entries are gone, and
 * the head hash kept elsewhere (docs/operations.md) is what shows it.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const dir = path.resolve(options.dir);
  const target = path.resolve(options.target);
  const manifest = readManifest(dir);
  if (manifest.store !== "duckdb")
    throw new BackupError(
      `${dir} is a backup of a PostgreSQL deployment: restore it into an empty PostgreSQL database ` +
        "(DATABASE_URL set, docs/operations.md#backups).",
    );
  const replacing = existsSync(target);
  if (replacing) {
    if (!options.force)
      throw new BackupError(
        `${target} exists. A restore writes a new database; to replace this one give --force (it is replaced ` +
          "only after the restored copy has been verified).",
      );
    // Refused while a server holds it (DatabaseLockedError); otherwise its WAL is checkpointed into the
    // file, so that no WAL of the old database is left to be replayed into the new one.
    await (await openDatabase({ location: target, migrate: false })).close();
    if (existsSync(`${target}.wal`)) throw new BackupError(`${target}.wal is still there after a checkpoint.`);
  }
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.restoring-${process.pid}`);
  const removeStaging = () => [staging, `${staging}.wal`].forEach((file) => rmSync(file, { force: true }));
  removeStaging();
  let verified: { migrated: string[]; auditEntries: number };
  try {
    await importAndCompare(staging, dir, manifest);
    verified = await migrateAndVerifyAudit(staging, manifest, options.auditKey);
  } catch (error) {
    removeStaging();
    const message = error instanceof Error ? error.message : String(error);
    throw new BackupError(
      `${message} Nothing was restored: ${target} ${replacing ? "is unchanged" : "was not created"}.`,
    );
  }
  // Verified: one rename puts it in place (the old file, if any, goes at the same moment).
  renameSync(staging, target);
  const headFile = path.join(path.dirname(target), AUDIT_HEAD_FILE);
  if (manifest.auditHead) writeAuditHead(headFile, manifest.auditHead);
  else rmSync(headFile, { force: true });
  return { manifest, rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0), ...verified };
}
