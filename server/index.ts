// Close Call server entry: config → database (migrate, lock down) → server key (audit log, sealed seeds)
// → seed on first demo start → Express.
import { chmodSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, listeningUrl, readConfig } from "../orchestration/config";
import cluster from "node:cluster";
import { DatabaseLockedError } from "../db/open";
import { warmNationalCache } from "../analytics/warm-national-cache";
import { createServerApp } from "./app";
import { stopReleases } from "../orchestration/book-release";
import { demoBanner } from "./first-start";
import { startDailyJobs } from "../orchestration/jobs";
import { openEmbedded, openScaleOut, prepareScaleOut } from "./open-deployment";
import { runPrimary, workerGuardSetup } from "./workers";
import { askPrimary } from "./worker-ipc";
import { createSharedAddressKeyer } from "./address-key";
import { useGuardSetup } from "../app/intake/abuse-guard.server";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  // Everything the server writes (the database, its WAL, the key and audit-head files) is its own.
  process.umask(0o077);
  const config = readConfig(process.env, process.argv.slice(2));
  // DATA_DIR is Close Call's own: nobody else needs to list it (a folder given with --db to the CLI is left alone).
  if (existsSync(config.dataDir)) chmodSync(config.dataDir, 0o700);
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config, log);
  // Scale-out's once-per-start work is the primary's when there are workers, else this process's.
  if (config.databaseUrl && cluster.isPrimary) await prepareScaleOut(config, log);
  const opened = config.databaseUrl ? await openScaleOut(config, log) : await openEmbedded(config, log);
  const { deployment } = opened;
  // In the background: the first dashboard visitor then finds the national figures computed.
  warmNationalCache(deployment.analytics).catch((error) =>
    console.error("Could not warm the analytics cache:", error instanceof Error ? error.message : error),
  );

  // A worker's address keys, challenge secrets and abuse counts are the primary's (server/workers.ts).
  if (cluster.isWorker) useGuardSetup(workerGuardSetup);
  const addressKeyer = cluster.isWorker
    ? createSharedAddressKeyer(async (day) => (await askPrimary({ kind: "address-salt", day }))[0]!)
    : undefined;
  const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
  const app = createServerApp({
    context: { db: deployment.db, analytics: deployment.analytics, deployment, config },
    build,
    publicDir: path.join(root, "public"),
    log,
    addressKeyer,
  });
  startDailyJobs(deployment, config, log);
  const server = app.listen(config.port, config.host, async () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    if (!config.publicUrlConfigured) config.publicUrl = listeningUrl(config.host, port);
    if (cluster.isWorker) log(`Worker ${process.pid} ready.`);
    // With workers, the first one speaks for all (they share the port).
    if (!cluster.isWorker || cluster.worker?.id === 1)
      log(await demoBanner(deployment.db, config, listeningUrl(config.host, port)));
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down…`);
    // A shutdown never hangs: every acknowledged write is already in the WAL, which the next start
    // replays, so after 10 s the process leaves without the final checkpoint.
    setTimeout(() => {
      log("Shutdown is taking too long: leaving without the checkpoint (the next start replays the WAL).");
      process.exit(0);
    }, 10_000).unref();
    server.close();
    server.closeAllConnections();
    await stopReleases(); // a release in the background stops between two agencies
    await opened.close(); // embedded: checkpoints the WAL into the database file
    log(config.databaseUrl ? "Closed." : "Database checkpointed and closed.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
    console.error(error.message);
  } else {
    console.error("Close Call could not start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
