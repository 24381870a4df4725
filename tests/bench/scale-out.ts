// Section 5b: the same pages as section 5, served in scale-out mode — the benchmark's data moved into a
// throw-away PostgreSQL, `npm start -- --workers N` on it — and the time from a publication to its report
// being served by every worker (each catches its own analytics copy up on NOTIFY).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession } from "../../db/accounts/sessions";
import { useAuditAnchorOf } from "../../db/audit/audit-anchor";
import { loadServerKey, type ServerKey } from "../../db/intake/server-key";
import { copyRecordTables } from "../../db/move/copy-database";
import { openDatabase } from "../../db/open";
import { openPostgres } from "../../db/open-postgres";
import { runPublicationBatch } from "../../db/review/publication";
import { asSuperuser, startCluster } from "../support/postgres-cluster";
import { startServer } from "../support/run-server";
import { approveTestReport } from "../review/review-fixtures";
import { freePort } from "./bench-server";
import { type HttpRun, type HttpTarget, loadTarget, probeTarget, settle } from "./http-load";

export interface ScaleOutResult {
  workers: number;
  moveSeconds: number;
  startSeconds: number;
  runs: HttpRun[];
  /** Milliseconds from the publication's commit until every worker served the new report (median of tries). */
  publicationToVisibleMs: number[];
}

export interface ScaleOutOptions {
  /** The embedded deployment's folder (closecall.duckdb), moved into PostgreSQL as it is. */
  dataDir: string;
  intakeKey: string;
  workers: number;
  connections: number[];
  seconds: number;
  /** Paths of the targets to load (section 5's). */
  targets: (cookie: string) => HttpTarget[];
  publications: number;
}

/** Durable as production (fsync on); memory for the working set of a million reports. */
const SETTINGS: Record<string, string> = {
  shared_buffers: "1GB",
  effective_cache_size: "4GB",
  max_connections: "200",
  jit: "off",
};

export async function runScaleOutSection(
  options: ScaleOutOptions,
  log: (line: string) => void,
): Promise<ScaleOutResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "closecall-bench-scale-"));
  chmodSync(dir, 0o755); // the `postgres` user runs the cluster below it (when run as root)
  const cluster = await startCluster(path.join(dir, "pg"), SETTINGS, () => undefined);
  await asSuperuser(cluster, "CREATE DATABASE closecall");
  const url = `postgresql://${cluster.user}@/closecall?host=${cluster.socketDir}&port=${cluster.port}`;
  const store = await openPostgres(url);
  const key: ServerKey = (loadServerKey({ envKey: options.intakeKey, dataDir: "/none" }) as { key: ServerKey }).key;
  // The review steps before each publication below write audit entries from this process too.
  useAuditAnchorOf({ envKey: options.intakeKey, dataDir: dir });
  try {
    const moving = performance.now();
    const source = await openDatabase({ location: path.join(options.dataDir, "closecall.duckdb"), lockDown: false });
    try {
      await copyRecordTables(source.db, store.db);
    } finally {
      await source.close();
    }
    const moveSeconds = (performance.now() - moving) / 1000;
    log(`Moved the data into PostgreSQL in ${moveSeconds.toFixed(1)} s`);
    const commander = await store.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "commander@metro.demo.closecall.test")
      .executeTakeFirstOrThrow();
    const cookie = `__Host-closecall_session=${(await createSession(store.db, commander.id, true)).id}`;

    const starting = performance.now();
    const server = await startServer(
      {
        DATA_DIR: path.join(dir, "node"),
        PORT: String(await freePort()),
        NODE_ENV: "production",
        INTAKE_KEY: options.intakeKey,
        DATABASE_URL: url,
      },
      ["--demo", "--workers", String(options.workers)],
      1_800_000,
    );
    // "running at" is the first worker's; wait for every worker.
    while ((server.output().match(/Worker \d+ ready/g) ?? []).length < options.workers)
      await new Promise((resolve) => setTimeout(resolve, 500));
    const startSeconds = (performance.now() - starting) / 1000;
    log(`${options.workers} workers on PostgreSQL ready in ${startSeconds.toFixed(1)} s at ${server.url}`);
    const runs: HttpRun[] = [];
    const publicationToVisibleMs: number[] = [];
    try {
      for (const target of options.targets(cookie)) {
        const problem = await probeTarget(server.url, target);
        if (problem) {
          log(`  ${target.name}: not measured — ${problem}`);
          continue;
        }
        // Every worker's page cache warm, as the embedded process's is after its probe.
        for (let i = 0; i < 2 * options.workers; i++) await probeTarget(server.url, target);
        for (const connections of options.connections) {
          const r = await loadTarget(server.url, target, connections, options.seconds);
          await settle(server.url);
          runs.push(r);
          log(
            `  ${`${target.name}, ${connections} clients`.padEnd(56)} ${r.throughput.toFixed(0).padStart(5)} req/s  ` +
              `p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  ` +
              `p99 ${r.p99.toFixed(0).padStart(5)} ms  errors ${r.errors}`,
          );
        }
      }
      for (let i = 0; i < options.publications; i++) {
        await approveTestReport(store.db, key);
        const batch = await runPublicationBatch(store.db, key, { retentionDays: 30, runBy: null });
        const committed = performance.now();
        const number = batch.publicNumbers[0]!;
        // Requests take turns at the workers: as many answers in a row as workers means every one has it.
        let inARow = 0;
        while (inARow < options.workers) {
          const reply = await fetch(`${server.url}/reports/${number}`);
          await reply.arrayBuffer();
          inARow = reply.status === 200 ? inARow + 1 : 0;
          if (performance.now() - committed > 60_000)
            throw new Error(
              `report ${number} not served within 60 s; the server said:\n${server.output().slice(-3000)}`,
            );
          if (inARow === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        }
        publicationToVisibleMs.push(performance.now() - committed);
      }
      const visible = publicationToVisibleMs.map((ms) => `${ms.toFixed(0)} ms`).join(", ");
      log(`  Publication to visible on every worker: ${visible}`);
    } finally {
      await server.stop("SIGTERM");
    }
    return { workers: options.workers, moveSeconds, startSeconds, runs, publicationToVisibleMs };
  } finally {
    await store.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
