import { createServer } from "node:net";
import { startServer, type RunningServer } from "../support/run-server";

/** A free TCP port on the loopback address (kept for restarts, so that clients keep their URL). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface BenchServerOptions {
  dataDir: string;
  port: number;
  intakeKey: string;
}

/**
 * The real server (`node scripts/start.mjs`) on the benchmark's data, as it runs in production
 * (NODE_ENV=production: React's production build, no development error pages), with `--demo` so that
 * the demo commander may sign in. Nothing in the server is changed for the benchmark.
 */
export async function startBenchServer(options: BenchServerOptions): Promise<RunningServer & { startSeconds: number }> {
  const started = performance.now();
  const server = await startServer(
    { DATA_DIR: options.dataDir, PORT: String(options.port), NODE_ENV: "production", INTAKE_KEY: options.intakeKey },
    ["--demo"],
    300_000,
  );
  return Object.assign(server, { startSeconds: (performance.now() - started) / 1000 });
}
