import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Sends the signal and resolves with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node scripts/start.mjs` (what `npm start` runs) on a free port with the given environment;
 * resolves when it listens. `options.root` runs another copy of the app (e.g. a fresh clone); an
 * `undefined` in `env` removes that variable.
 */
export async function startServer(
  env: Record<string, string | undefined>,
  args: string[] = [],
  timeoutMs = 90_000,
  options: { root?: string } = {},
): Promise<RunningServer> {
  const appRoot = options.root ?? root;
  // 300 agencies unless a test asks otherwise: a demo start audits every agency's release book in the
  // background, and 3,000 of them would keep a core busy through most tests.
  const environment: Record<string, string | undefined> = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    SEED_AGENCIES: "300",
    ...env,
  };
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
  const child = spawn(process.execPath, [path.join(appRoot, "scripts", "start.mjs"), ...args], {
    cwd: appRoot,
    env: environment as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    // A server that never listens is killed, never left behind: stuck ones have been seen to hold up
    // the next servers started (docs/testing.md).
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Server did not start in time:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const match = output.match(/running at (http:\/\/[^\s]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", () => {
      clearTimeout(timer);
      reject(new Error(`Server exited before listening:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      child.kill(signal);
      const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
      try {
        return await exited;
      } finally {
        clearTimeout(kill);
      }
    },
  };
}
