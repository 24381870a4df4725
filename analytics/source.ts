import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../db/database";
import { monthIndex } from "../domain/period";
import { readRollupVersion } from "./rollups/rollup-version";

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

/**
 * National aggregates (the "all" population: published fields only) are the same for every viewer with
 * the same filters until the rollups change, so they are kept per database object and rollup version,
 * most recently used first. Everything that depends on an agency or peer group is always read afresh.
 */
const NATIONAL_CACHE_ENTRIES = 256;

/**
 * Values shared by many requests until the data changes (the key says which version): per database
 * object, most recently used last, the oldest dropped past `entries`. A value is frozen, since one value
 * serves many callers; a failed load is forgotten.
 */
export class SharedCache<T> {
  readonly #byDb = new WeakMap<object, Map<string, Promise<T>>>();
  readonly #counts = new WeakMap<object, { hits: number; misses: number }>();
  constructor(readonly entries: number) {}

  get(db: object, key: string, load: () => Promise<T>): Promise<T> {
    let cache = this.#byDb.get(db);
    if (!cache) this.#byDb.set(db, (cache = new Map()));
    let counts = this.#counts.get(db);
    if (!counts) this.#counts.set(db, (counts = { hits: 0, misses: 0 }));
    let pending = cache.get(key);
    if (pending) {
      counts.hits++;
      cache.delete(key); // re-inserted below: most recently used last
    } else {
      counts.misses++;
      const entries = cache;
      pending = load().then(deepFreeze);
      pending.catch(() => entries.delete(key));
    }
    cache.set(key, pending);
    if (cache.size > this.entries) cache.delete(cache.keys().next().value!);
    return pending;
  }

  /** Lookups for this database so far: answered from the cache, or loaded. */
  stats(db: object): { hits: number; misses: number } {
    return { ...(this.#counts.get(db) ?? { hits: 0, misses: 0 }) };
  }
}

/**
 * One national cache per process, whichever copy of this module asks: the server runs this file twice,
 * through tsx (the start-up warm-up, the daily jobs' publication) and bundled into build/index.js (the
 * routes), and a module-level cache gave each copy its own, so the warm-up filled one that no route
 * read. Kept on globalThis under a registered symbol, as epic-stack's singleton() does.
 */
interface NationalStore {
  cache: SharedCache<unknown>;
  enabled: boolean;
}
const NATIONAL_STORE = Symbol.for("closecall.analytics.national-cache");
const nationalStore = ((globalThis as { [NATIONAL_STORE]?: NationalStore })[NATIONAL_STORE] ??= {
  cache: new SharedCache<unknown>(NATIONAL_CACHE_ENTRIES),
  enabled: true,
});

/** Turns the national cache off or on (the benchmark measures both). */
export function setNationalCache(enabled: boolean): void {
  nationalStore.enabled = enabled;
}

/** How often the national cache answered for this database (the warm-up's test reads it). */
export function nationalCacheStats(db: object): { hits: number; misses: number } {
  return nationalStore.cache.stats(db);
}

export function rollupVersion(source: AnalyticsSource): Promise<string> {
  return source.once("rollup-version", () => readRollupVersion(source.db));
}

/** `load` once per rollup version for this database (shared across requests), or once per source when off. */
export async function nationalOnce<T>(source: AnalyticsSource, key: string, load: () => Promise<T>): Promise<T> {
  if (!nationalStore.enabled) return source.once(key, load);
  const version = await rollupVersion(source);
  const pending = nationalStore.cache.get(source.db, `${version}|${key}`, load) as Promise<T>;
  return source.once(key, () => pending);
}

/** Freezes a value and everything in it: for values one cache entry shares between requests. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
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
