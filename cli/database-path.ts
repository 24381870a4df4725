import path from "node:path";
import { useAuditAnchorOf } from "../db/audit/audit-anchor";
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
