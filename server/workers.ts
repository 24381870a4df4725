// `npm start -- --workers N` (scale-out only): the primary prepares the deployment once (migrations, the
// first demo start's data), then runs N app processes that share the port (Node cluster, round robin)
// and replaces any that dies. Each worker has its own PostgreSQL pool and DuckDB analytics copy.
import cluster from "node:cluster";
import { RateLimiterCluster, RateLimiterClusterMaster } from "rate-limiter-flexible";
import type { GuardSetup } from "../app/intake/abuse-guard.server";
import type { AppConfig } from "../orchestration/config";
import { prepareScaleOut } from "./open-deployment";
import { answerWorkers, askPrimary } from "./worker-ipc";

/** Workers that die this soon after their start, this many times in a row, are not started again and again. */
const CRASH_LOOP_MS = 30_000;
const CRASH_LOOP_DEATHS = 3;

export async function runPrimary(config: AppConfig, log: (line: string) => void): Promise<void> {
  await prepareScaleOut(config, log);
  // In this process's memory, for every worker: rate limits keyed by address, spent challenges, the
  // day's address salt and the challenge secrets.
  new RateLimiterClusterMaster();
  answerWorkers();
  log(`Starting ${config.workers} workers…`);
  let stopping = false;
  let quickDeaths = 0;
  const started = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      // The primary leaves with its last worker.
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    log(`Worker ${worker.id} ended (${signal ?? `exit ${code}`}) after ${(lived / 1000).toFixed(0)} s.`);
    quickDeaths = lived < CRASH_LOOP_MS ? quickDeaths + 1 : 0;
    if (quickDeaths >= CRASH_LOOP_DEATHS) {
      log(`${quickDeaths} workers in a row ended within ${CRASH_LOOP_MS / 1000} s of their start: stopping.`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      process.exitCode = 1;
      return;
    }
    fork();
  });
  for (let i = 0; i < config.workers; i++) fork();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the workers…`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/** A worker's abuse guard: secrets and counts in the primary (docs/design.md §6.6: memory only). */
export const workerGuardSetup: GuardSetup = {
  secrets: async () => {
    const [a, b] = await askPrimary({ kind: "challenge-secrets" });
    return [a!, b!];
  },
  limiter: (options) => new RateLimiterCluster({ ...options, timeoutMs: 10_000 }),
};
