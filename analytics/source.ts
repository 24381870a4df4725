import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../db/database";
import { monthIndex } from "./period";

/**
 * The database plus a per-call memo, so that the measures of one dashboard share the queries they have
 * in common (the national series, the agency's totals). Create one per request: it never outlives the
 * data it has read.
 */
export class AnalyticsSource {
  readonly #memo = new Map<string, Promise<unknown>>();
  constructor(readonly db: Executor) {}

  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let pending = this.#memo.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = load();
      this.#memo.set(key, pending);
    }
    return pending;
  }
}

/** Measures take the database or a shared source. */
export type AnalyticsDb = Executor | AnalyticsSource;

export function sourceOf(db: AnalyticsDb): AnalyticsSource {
  return db instanceof AnalyticsSource ? db : new AnalyticsSource(db);
}

const LatestSchema = z.object({ latest: z.string().nullable() });

/** The latest event month with a published report (month index), or the current month when there is none. */
export function latestMonth(source: AnalyticsSource): Promise<number> {
  return source.once("latest-month", async () => {
    const { rows } = await sql`SELECT max(event_month) AS latest FROM analytics_cube_reports`.execute(source.db);
    const { latest } = LatestSchema.parse(rows[0]);
    if (latest) return monthIndex(latest);
    const now = new Date();
    return now.getUTCFullYear() * 12 + now.getUTCMonth();
  });
}
