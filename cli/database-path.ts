import path from "node:path";
import { DATABASE_FILE, openDatabase, type OpenDatabase } from "../db/open";

/**
 * `--db PATH` overrides DATA_DIR. PATH ending in `.duckdb` is the database file itself; any other
 * PATH is a data directory holding closecall.duckdb (as DATA_DIR does).
 */
export function resolveDatabasePath(dbOption: string | undefined, env: Record<string, string | undefined>): string {
  const target = dbOption ?? env.DATA_DIR ?? "./data";
  return target.endsWith(".duckdb") ? path.resolve(target) : path.resolve(target, DATABASE_FILE);
}

/** Opens the database at `location`, runs `use`, and always closes it (checkpointing a file). */
export async function withDatabase<T>(location: string, use: (database: OpenDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase({ location });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}
