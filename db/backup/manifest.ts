import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { migrations } from "../migrations/index";

/** The file that makes a folder a Close Call backup. Written last: a backup without it did not finish. */
export const MANIFEST_FILE = "manifest.json";
export const BACKUP_FORMAT = "closecall-backup";
/** Raised when what a backup holds, or how the manifest describes it, changes. */
export const BACKUP_FORMAT_VERSION = 1;

/** A refused or failed backup or restore: the message says what and why, for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string().datetime(),
  /** What was backed up: the embedded DuckDB file (the default of format 1) or a PostgreSQL database. */
  store: z.enum(["duckdb", "postgresql"]).default("duckdb"),
  /** The server's version: DuckDB's for a file, PostgreSQL's for a database. */
  duckdbVersion: z.string().optional(),
  postgresVersion: z.string().optional(),
  /** kysely_migration's names, in name order: the schema the tables are in. */
  migrations: z.array(z.string()),
  /** How each table's digest is computed (db/backup/table-digest.ts, postgres-backup.ts). */
  digestMethod: z.enum(["sha256-of-sorted-row-sha256-v1", "postgres-sha256-of-sorted-row-text-sha256-v1"]),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative(), digest: sha256Hex })),
  /** The audit log's newest entry, or null for an empty log: a restore checks the chain ends there. */
  auditHead: z.object({ seq: z.number().int().positive(), hash: sha256Hex }).nullable(),
});

export type BackupManifest = z.input<typeof manifestSchema>;
export type ReadManifest = z.infer<typeof manifestSchema>;
export type TableSummary = BackupManifest["tables"][number];

export function writeManifest(dir: string, manifest: BackupManifest): void {
  writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

/**
 * The manifest of the backup in `dir`, checked before anything is loaded: a missing folder or manifest,
 * a damaged one, one written by a newer Close Call, or one naming migrations this version lacks.
 */
export function readManifest(dir: string): ReadManifest {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BackupError(`There is no backup folder ${dir}.`);
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file))
    throw new BackupError(
      `${dir} holds no ${MANIFEST_FILE}: it is not a Close Call backup, or its backup did not finish.`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new BackupError(`${file} is damaged (not JSON: ${error instanceof Error ? error.message : String(error)}).`);
  }
  const header = z.object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.number().int() }).safeParse(raw);
  if (!header.success) throw new BackupError(`${file} is not a Close Call backup manifest.`);
  if (header.data.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `${dir} was written by a newer Close Call (backup format ${header.data.formatVersion}; this version reads ` +
        `format ${BACKUP_FORMAT_VERSION}). Restore it with that version or a later one.`,
    );
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BackupError(`${file} is damaged: ${issue.path.join(".") || "manifest"}: ${issue.message}.`);
  }
  const unknown = parsed.data.migrations.filter((name) => !(name in migrations));
  if (unknown.length > 0)
    throw new BackupError(
      `${dir} comes from a newer Close Call: its schema has migrations this version does not know ` +
        `(${unknown.join(", ")}). Restore it with that version or a later one.`,
    );
  return parsed.data;
}
