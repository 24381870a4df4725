import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type RunningServer, startServer } from "../../support/run-server";

export interface AppServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The built app (`npm start`'s script) on a temporary data folder of its own, seeded with a small
 * synthetic dataset and the demo accounts: every journey file gets a fresh database, so journeys never
 * share state or a TOTP step, and vitest may run them in parallel (300 agencies: see run-server.ts).
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-e2e-"));
  let server: RunningServer;
  try {
    server = await startServer({ DATA_DIR: dataDir, SEED_REPORTS: "300", NODE_ENV: "development", ...env });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    output: server.output,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
