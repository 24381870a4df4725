// Opens what a server process reads and writes: the embedded DuckDB file, or (DATABASE_URL set) PostgreSQL
// as the system of record plus this process's own DuckDB analytics copy, kept up to date by the change
// watcher (docs/scale-out.md).
import { availableParallelism } from "node:os";
import type { AppConfig } from "../orchestration/config";
import { copyRecordTables } from "../db/move/copy-database";
import { openDatabase, type OpenDatabase, type OpenStore } from "../db/open";
import { openPostgres, withoutPassword } from "../db/open-postgres";
import { openAnalyticsCopy } from "../orchestration/analytics-copy";
import { type Deployment, embeddedDeployment, scaleOutDeployment, withAdvisoryLock } from "../orchestration/deployment";
import { watchPublishedChanges } from "../orchestration/published-watch";
import type { SecretBox } from "../db/security/secret-box";
import { seedOnFirstStart } from "./first-start";
import { sealLeftoverSeeds, useServerKey } from "./server-key-at-start";

export interface OpenedDeployment {
  deployment: Deployment;
  /** What sealed TOTP seeds; undefined when the server key is unusable (sign-in and intake answer 503). */
  totpBox: SecretBox | undefined;
  /** Closes everything; embedded, the WAL is checkpointed into the file. */
  close(): Promise<void>;
}

/** The one-file default: migrate, the server key, the demo data on a first demo start. */
export async function openEmbedded(config: AppConfig, log: (line: string) => void): Promise<OpenedDeployment> {
  const database = await openDatabase({ location: config.databaseFile });
  try {
    if (database.applied.length > 0) log(`Applied migrations: ${database.applied.join(", ")}`);
    const totpBox = await useServerKey(database.db, config, log);
    await seedOnFirstStart(database, config, log, totpBox);
    if (totpBox) await sealLeftoverSeeds(database.db, totpBox, log);
    return { deployment: embeddedDeployment(database.db), totpBox, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Scale-out, the part done once per deployment start (by the primary of `--workers`, or the only
 * process): migrations, and on a first demo start the synthetic dataset, generated in a DuckDB in memory
 * and copied into PostgreSQL as `closecall move-to-postgres` would.
 */
export async function prepareScaleOut(config: AppConfig, log: (line: string) => void): Promise<void> {
  const store = await openPostgres(config.databaseUrl!);
  try {
    if (store.applied.length > 0) log(`Applied migrations to ${store.location}: ${store.applied.join(", ")}`);
    // Two machines starting together for the first time: one seeds, the other then finds it done.
    await withAdvisoryLock(store.db, "closecall first start", true, async () => {
      const seeded = await store.db
        .selectFrom("app_meta")
        .select("value")
        .where("key", "=", "dataset_seed")
        .executeTakeFirst();
      if (config.demo && !seeded) await seedIntoPostgres(store, config, log);
    });
    const totpBox = await useServerKey(store.db, config, () => undefined);
    if (totpBox) await sealLeftoverSeeds(store.db, totpBox, log);
  } finally {
    await store.close();
  }
}

async function seedIntoPostgres(store: OpenStore, config: AppConfig, log: (line: string) => void): Promise<void> {
  const memory: OpenDatabase = await openDatabase({ location: ":memory:" });
  try {
    const totpBox = await useServerKey(memory.db, config, () => undefined);
    await seedOnFirstStart(memory, config, log, totpBox);
    const started = performance.now();
    const copies = await copyRecordTables(memory.db, store.db);
    const rows = copies.reduce((n, c) => n + c.rows, 0);
    log(
      `Copied the demo data into PostgreSQL: ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await memory.close();
  }
}

/**
 * Scale-out, per process: PostgreSQL as the system of record, this process's analytics copy built from
 * it, and the watcher that brings the copy up to date at every publication (NOTIFY, else polling).
 */
export async function openScaleOut(config: AppConfig, log: (line: string) => void): Promise<OpenedDeployment> {
  const url = config.databaseUrl!;
  const store = await openPostgres(url);
  try {
    const totpBox = await useServerKey(store.db, config, log);
    log(`System of record: PostgreSQL ${withoutPassword(url)}; building this process's analytics copy…`);
    // Workers share the cores: each one's DuckDB gets its share of them rather than all of them.
    const threads = config.workers > 1 ? Math.max(1, Math.floor(availableParallelism() / config.workers)) : undefined;
    const copy = await openAnalyticsCopy(store.db, log, { threads });
    log(`Analytics copy: up to change ${copy.changeSeq} of the feed.`);
    const deployment = scaleOutDeployment(store.db, copy, log);
    const watch = watchPublishedChanges({
      url,
      pollMs: config.publishedPollMs,
      onChange: () => deployment.refreshAnalytics([]),
      onError: (error) =>
        log(`Analytics copy: could not catch up (retried): ${error instanceof Error ? error.message : String(error)}`),
    });
    await watch.ready;
    return {
      deployment,
      totpBox,
      async close() {
        await watch.stop();
        await copy.database.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
