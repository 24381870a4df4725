import path from "node:path";
import { AUDIT_HEAD_FILE, type AuditAnchor, useAuditAnchorOf } from "../db/audit/audit-anchor";
import { loadServerKey } from "../db/intake/server-key";
import type { CommandIO } from "./command";
import { DATABASE_FILE, openDatabase, type OpenDatabase } from "../db/open";

/**
 * `--db PATH` overrides DATA_DIR. PATH ending in `.duckdb` is the database file itself; any other
 * PATH is a data directory holding closecall.duckdb (as DATA_DIR does).
 */
export function resolveDatabasePath(dbOption: string | undefined, env: Record<string, string | undefined>): string {
  const target = dbOption ?? env.DATA_DIR ?? "./data";
  return target.endsWith(".duckdb") ? path.resolve(target) : path.resolve(target, DATABASE_FILE);
}

/**
 * Opens the database at `location`, runs `use`, and always closes it (checkpointing a file). Entries a
 * command adds to the audit log are keyed and anchored as the server's are, when the server key is
 * there (INTAKE_KEY or the key file beside the database); without it, adding one fails and says why.
 */
export async function withDatabase<T>(
  location: string,
  use: (database: OpenDatabase) => Promise<T>,
  env: Record<string, string | undefined> = process.env,
): Promise<T> {
  useAuditAnchorOf({ envKey: env.INTAKE_KEY, dataDir: path.dirname(location) });
  const database = await openDatabase({ location });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/**
 * What the deployment's audit chain is checked with: its key (derived from the server key, kept apart
 * from the database, as the server finds it) and its head file beside the database. Null, after saying
 * why, when the key is missing: `what` names what cannot be done without it.
 */
export function deploymentAuditAnchor(
  location: string,
  io: Pick<CommandIO, "err" | "env">,
  what: string,
): AuditAnchor | null {
  const dataDir = path.dirname(location);
  const key = loadServerKey({ envKey: io.env.INTAKE_KEY, dataDir });
  if (!key.ok) {
    io.err(`Cannot ${what} without its key: ${key.reason}.`);
    return null;
  }
  return { key: key.key.auditKey, headFile: path.join(dataDir, AUDIT_HEAD_FILE) };
}
