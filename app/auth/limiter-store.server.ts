import cluster from "node:cluster";
import {
  type IRateLimiterOptions,
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterPostgres,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { postgresPoolOf } from "../../db/open-postgres";

/** Where the shared limits are counted on PostgreSQL (rate-limiter-flexible makes the table itself). */
const TABLE = "rate_limits";

/**
 * Which of a deployment's limits count across every app process. Shared: limits keyed by an account, a
 * token or nothing (one global ceiling), counted in PostgreSQL when the deployment's system of record is
 * PostgreSQL (scale-out, docs/scale-out.md), so that a second process is no second chance. Never shared:
 * limits keyed by a client address — its HMAC is under a daily salt held only in this process's memory
 * (docs/design.md §6, intake invariant 6), and such keys are never written to the database. In the
 * embedded mode one process sees every attempt: all limits are in memory.
 */
export type LimiterScope = "shared" | "this-process";

/** A limiter for the deployment whose database is `owner`; ready to count when the promise resolves. */
export async function deploymentLimiter(
  owner: object,
  options: IRateLimiterOptions,
  scope: LimiterScope,
): Promise<RateLimiterAbstract> {
  const pool = scope === "shared" ? postgresPoolOf(owner) : undefined;
  // A worker of `--workers N` counts in its primary's memory (server/workers.ts), for all workers at once.
  if (!pool && cluster.isWorker) return new RateLimiterCluster({ ...options, timeoutMs: 10_000 });
  if (!pool) return new RateLimiterMemory(options);
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...options, storeClient: pool, storeType: "pool", tableName: TABLE },
      (error?: unknown) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(limiter),
    );
  });
}

/**
 * One set of limiters per deployment, made at its first use: keyed by the database of the load context,
 * so each test database (and the one server) has its own. A store that could not be reached is tried
 * again at the next attempt, not remembered as broken.
 */
export function limitersPerDeployment<T>(create: (owner: object) => Promise<T>): (owner: object) => Promise<T> {
  const byDatabase = new WeakMap<object, Promise<T>>();
  return (owner) => {
    let limiters = byDatabase.get(owner);
    if (!limiters) {
      limiters = create(owner).catch((error: unknown) => {
        byDatabase.delete(owner);
        throw error;
      });
      byDatabase.set(owner, limiters);
    }
    return limiters;
  };
}
