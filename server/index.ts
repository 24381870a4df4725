// Close Call server entry: config → database (migrate, lock down) → server key (audit log, sealed seeds)
// → seed on first demo start → Express.
import { chmodSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, listeningUrl, readConfig } from "../orchestration/config";
import { DatabaseLockedError, openDatabase } from "../db/open";
import { warmNationalCache } from "../analytics/warm-national-cache";
import { createServerApp } from "./app";
import { stopReleases } from "../orchestration/book-release";
import { demoBanner, seedOnFirstStart } from "./first-start";
import { startDailyJobs } from "../orchestration/jobs";
import { sealLeftoverSeeds, useServerKey } from "./server-key-at-start";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  // Everything the server writes (the database, its WAL, the key and audit-head files) is its own.
  process.umask(0o077);
  const config = readConfig(process.env, process.argv.slice(2));
  // DATA_DIR is Close Call's own: nobody else needs to list it (a folder given with --db to the CLI is left alone).
  if (existsSync(config.dataDir)) chmodSync(config.dataDir, 0o700);
  const database = await openDatabase({ location: config.databaseFile });
  if (database.applied.length > 0) log(`Applied migrations: ${database.applied.join(", ")}`);
  const totpBox = await useServerKey(database.db, config, log);
  await seedOnFirstStart(database, config, log, totpBox);
  if (totpBox) await sealLeftoverSeeds(database.db, totpBox, log);
  // In the background: the first dashboard visitor then finds the national figures computed.
  warmNationalCache(database.db).catch((error) =>
    console.error("Could not warm the analytics cache:", error instanceof Error ? error.message : error),
  );

  const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
  const app = createServerApp({
    context: { db: database.db, duck: database.instance, config },
    build,
    publicDir: path.join(root, "public"),
    log,
  });
  startDailyJobs(database.db, config, log);
  const server = app.listen(config.port, config.host, async () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    if (!config.publicUrlConfigured) config.publicUrl = listeningUrl(config.host, port);
    log(await demoBanner(database.db, config, listeningUrl(config.host, port)));
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
    await database.close(); // checkpoints the WAL into the database file
    log("Database checkpointed and closed.");
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
