// Where a process writes and where it reads published data (docs/scale-out.md). Embedded, both are the
// one DuckDB file. In scale-out mode the system of record is PostgreSQL, shared by every process, and
// each process reads published reports, rollups and the search index from its own DuckDB analytics copy.
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database";
import { isPostgres } from "../db/dialect/postgres-values";
import { type AnalyticsCopy, catchUpAnalyticsCopy } from "./analytics-copy";
import { refreshDerivedData } from "./derived-data";

export interface Deployment {
  /** The system of record: everything written (accounts, sessions, intake, review, audit, the book). */
  db: Kysely<Database>;
  /** What this process reads published reports, the rollups and the search index from (DuckDB SQL). */
  analytics: Kysely<Database>;
  /**
   * Brings `analytics` up to date after this process published or unpublished these reports, or changed
   * a small published table (featured report, the book): other processes learn of it from the feed.
   */
  refreshAnalytics(reportIds: readonly string[]): Promise<void>;
  /**
   * Runs `work` while no other process of the deployment runs work of the same name: a PostgreSQL
   * advisory lock, waited for; embedded there is one process, and `work` just runs.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** As `exclusively`, but returns undefined at once when another process holds the lock (daily jobs). */
  ifNobodyElse<T>(name: string, work: () => Promise<T>): Promise<T | undefined>;
}

/** The one-file default: one process, one DuckDB database for writing and reading. */
export function embeddedDeployment(db: Kysely<Database>): Deployment {
  return {
    db,
    analytics: db,
    refreshAnalytics: (reportIds) => refreshDerivedData(db, reportIds),
    exclusively: (_name, work) => work(),
    ifNobodyElse: (_name, work) => work(),
  };
}

/** Either a deployment or a lone database (tests, the CLI on a file): the latter is embedded. */
export function deploymentOf(target: Kysely<Database> | Deployment): Deployment {
  return "analytics" in target ? target : embeddedDeployment(target);
}

/**
 * Scale-out: `db` is PostgreSQL, `copy` this process's analytics copy of it. Catch-ups of the copy never
 * overlap (the change watcher and a request of this process may ask at once).
 */
export function scaleOutDeployment(
  db: Kysely<Database>,
  copy: AnalyticsCopy,
  log: (line: string) => void = () => undefined,
): Deployment {
  if (!isPostgres(db)) throw new Error("scale-out needs PostgreSQL as the system of record");
  let queue: Promise<unknown> = Promise.resolve();
  const catchUp = () => {
    const run = queue.then(async () => {
      const from = copy.changeSeq;
      const done = await catchUpAnalyticsCopy(db, copy);
      if (done.reports > 0 || done.book)
        log(
          `Analytics copy: changes ${from + 1}–${copy.changeSeq}: ${done.reports} report(s)` +
            `${done.book ? ", the release book" : ""}.`,
        );
      return done;
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    db,
    analytics: copy.database.db,
    refreshAnalytics: async () => void (await catchUp()),
    exclusively: async (name, work) => (await withAdvisoryLock(db, name, true, work))!,
    ifNobodyElse: (name, work) => withAdvisoryLock(db, name, false, work),
  };
}

/**
 * Runs `work` holding PostgreSQL's session-level advisory lock `name` (waiting for it, or, with `wait`
 * false, returning undefined when another session holds it). The lock lives on one connection of the
 * pool; the work itself may use any.
 */
export async function withAdvisoryLock<T>(
  db: Kysely<Database>,
  name: string,
  wait: boolean,
  work: () => Promise<T>,
): Promise<T | undefined> {
  return db.connection().execute(async (connection) => {
    if (wait) {
      await sql`SELECT pg_advisory_lock(hashtext(${name}))`.execute(connection);
    } else {
      const { rows } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(hashtext(${name})) AS ok`.execute(
        connection,
      );
      if (!rows[0]?.ok) return undefined;
    }
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${name}))`.execute(connection);
    }
  });
}
