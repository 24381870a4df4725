// Backups of a PostgreSQL deployment (scale-out, docs/scale-out.md): pg_dump's custom format and the same
// manifest as the embedded mode's (counts, content digests, migrations, audit head), all taken from one
// snapshot, so that a restore can be checked table by table before anyone uses it.
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { verifyAuditChain } from "../audit/audit-log";
import { openPostgres, withoutPassword } from "../open-postgres";
import { refuseUsedFolder, removeWritten } from "./backup";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupManifest,
  readManifest,
  type TableSummary,
  writeManifest,
} from "./manifest";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 client programs (pg_dump must not be older than the server). */
export const POSTGRES_BIN =
  process.env.CLOSECALL_PG_BIN ?? process.env.CLOSECALL_BENCH_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const DUMP_FILE = "database.dump";

/** Every table of the deployment's schema, in name order, with its row count and content digest. */
async function summarise(client: pg.Client): Promise<TableSummary[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const summaries: TableSummary[] = [];
  for (const { name } of tables) {
    // Each row's text form hashed, the hashes joined in order and hashed again: independent of storage order.
    const { rows } = await client.query<{ rows: string; digest: string }>(
      `SELECT count(*) AS rows,
          encode(sha256(convert_to(coalesce(string_agg(h, '' ORDER BY h), ''), 'UTF8')), 'hex') AS digest
        FROM (SELECT encode(sha256(convert_to(t::text, 'UTF8')), 'hex') AS h FROM ${pg.escapeIdentifier(name)} t) d`,
    );
    summaries.push({ name, rows: Number(rows[0]!.rows), digest: rows[0]!.digest });
  }
  return summaries;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `Cannot reach ${withoutPassword(url)}: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  return client;
}

/**
 * Writes a backup of the PostgreSQL database at `url` into `dir` (new or empty): `pg_dump --format=custom`
 * of a snapshot, and the manifest computed in that same snapshot (so writes while it runs are in neither).
 * Folder 700, files 600: the dump holds sealed submissions and the audit log.
 */
export async function backupPostgres(url: string, dir: string): Promise<BackupManifest> {
  const target = path.resolve(dir);
  refuseUsedFolder(target);
  const client = await connect(url);
  const made = !existsSync(target);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: snapshot } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    if (made) mkdirSync(target, { recursive: true, mode: 0o700 });
    else chmodSync(target, 0o700);
    const file = path.join(target, DUMP_FILE);
    await run(path.join(POSTGRES_BIN, "pg_dump"), [
      "--format=custom",
      `--snapshot=${snapshot[0]!.id}`,
      "--no-owner",
      "--no-privileges",
      `--file=${file}`,
      `--dbname=${url}`,
    ]);
    chmodSync(file, 0o600);
    const { rows: version } = await client.query<{ v: string }>("SELECT version() AS v");
    const { rows: applied } = await client.query<{ name: string }>("SELECT name FROM kysely_migration ORDER BY name");
    const { rows: head } = await client.query<{ seq: string; hash: string }>(
      "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
    );
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      store: "postgresql",
      postgresVersion: version[0]!.v,
      migrations: applied.map((m) => m.name),
      digestMethod: "postgres-sha256-of-sorted-row-text-sha256-v1",
      tables: await summarise(client),
      auditHead: head[0] ? { seq: Number(head[0].seq), hash: head[0].hash } : null,
    };
    await client.query("COMMIT");
    writeManifest(target, manifest);
    return manifest;
  } catch (error) {
    removeWritten(target, made);
    throw error instanceof BackupError ? error : new BackupError(`The backup failed: ${describe(error)}`);
  } finally {
    await client.end();
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/postgres(ql)?:\/\/\S+/g, (u) => withoutPassword(u));
}

/**
 * Restores a PostgreSQL backup into the empty database at `url` (one made with createdb, no tables):
 * pg_restore in one transaction, then every table's count and digest checked against the manifest and
 * the audit chain verified under the deployment's key up to the manifest's newest entry. A database that
 * holds tables is refused. A restore that does not verify is reported as such: that database holds an
 * unverified copy and must be dropped (PostgreSQL has no file to rename into place).
 */
export async function restorePostgres(options: {
  dir: string;
  url: string;
  auditKey: Buffer;
}): Promise<{ manifest: ReturnType<typeof readManifest>; rows: number; auditEntries: number }> {
  const dir = path.resolve(options.dir);
  const manifest = readManifest(dir);
  if (manifest.store !== "postgresql")
    throw new BackupError(`${dir} is a backup of an embedded (DuckDB) deployment: restore it without DATABASE_URL.`);
  const where = withoutPassword(options.url);
  const client = await connect(options.url);
  try {
    const { rows: existing } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    if (Number(existing[0]!.n) > 0)
      throw new BackupError(`${where} already holds tables: restore into a new, empty database (createdb).`);
    try {
      await run(path.join(POSTGRES_BIN, "pg_restore"), [
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        `--dbname=${options.url}`,
        path.join(dir, DUMP_FILE),
      ]);
    } catch (error) {
      throw new BackupError(`pg_restore failed, nothing was restored into ${where}: ${describe(error)}`);
    }
    const unverified = `${where} now holds an unverified copy: drop it.`;
    const found = new Map((await summarise(client)).map((t) => [t.name, t]));
    for (const table of manifest.tables) {
      const got = found.get(table.name);
      if (!got || got.rows !== table.rows || got.digest !== table.digest)
        throw new BackupError(
          `Table ${table.name} does not match the manifest (${got?.rows ?? "no"} rows restored, ${table.rows} ` +
            `expected${got && got.rows === table.rows ? ", contents differ" : ""}). ${unverified}`,
        );
    }
  } finally {
    await client.end();
  }
  const store = await openPostgres(options.url);
  try {
    const chain = await verifyAuditChain(store.db, { key: options.auditKey, headFile: null });
    const head = manifest.auditHead;
    if (!chain.ok || chain.entries !== (head?.seq ?? 0) || (head && chain.headHash !== head.hash))
      throw new BackupError(
        `The restored audit log does not verify${chain.ok ? " to the manifest's newest entry" : `: ${chain.problem}`}` +
          ` (is the server key the deployment's?). ${where} holds an unverified copy: drop it.`,
      );
    return { manifest, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), auditEntries: chain.entries };
  } finally {
    await store.close();
  }
}
