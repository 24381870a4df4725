import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";
import type { Database } from "./database";
import { postgresTypeParser } from "./dialect/postgres-values";
import { migrateToLatest } from "./migrate";
import type { OpenStore } from "./open";

/**
 * The pool behind each PostgreSQL Kysely this process opened (for stores that speak `pg` directly). On
 * globalThis: the server opens the database with its own copy of this module, and the routes ask with the
 * Remix build's copy.
 */
const POOLS = Symbol.for("closecall.postgres-pools");
const pools: WeakMap<object, pg.Pool> = ((globalThis as { [POOLS]?: WeakMap<object, pg.Pool> })[POOLS] ??=
  new WeakMap());

/**
 * The `pg` pool of a database openPostgres opened, or undefined for any other (a DuckDB one): what a
 * store that needs `pg` itself (the shared rate limits, app/auth/limiter-store.server.ts) connects through.
 */
export function postgresPoolOf(db: object): pg.Pool | undefined {
  return pools.get(db);
}

export interface OpenPostgresOptions {
  /** Connections kept by the pool (pg's default is 10). */
  maxConnections?: number;
}

/** A connection URL fit for logs: the password (in the user part or as a parameter) removed. */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, "$1@").replace(/([?&]password=)[^&]*/i, "$1");
}

/**
 * Opens a PostgreSQL database as the system of record (docs/design.md §4, issue 18) through Kysely's own
 * PostgresDialect, and applies the same migrations as DuckDB. Sessions run in UTC, so that SQL which
 * turns an instant into a day (or a TIMESTAMP expression into an instant) agrees with DuckDB.
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<OpenStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    options: "-c TimeZone=UTC",
    types: { getTypeParser: postgresTypeParser },
  });
  // A connection that breaks while idle (a server restart) is dropped by the pool and replaced at the next
  // query, which reports its own error; without a listener the pool's 'error' event would end the process.
  pool.on("error", () => undefined);
  // The cursor lets a whole table be read in batches (`.stream()`: move-to-postgres, the analytics copy).
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  pools.set(db, pool);
  let applied: string[];
  try {
    applied = await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed = false;
  return {
    db,
    location: withoutPassword(url),
    applied,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
