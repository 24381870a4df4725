import { spawn } from "node:child_process";
import path from "node:path";
import type { LoadChildResult } from "./load-child";

const root = path.resolve(import.meta.dirname, "../..");

export interface LoadResult extends LoadChildResult {
  /** Wall time of the whole child (process start, tsx, generation, load, derived data). */
  totalSeconds: number;
  /** The docs/design.md §9 figure: generating and loading the reports (without the search index and rollups). */
  loadSeconds: number;
  peakRssMiB: number;
}

/**
 * Section 1: generates and loads N synthetic reports with demo accounts into `dbFile`, then rebuilds the
 * derived data, in a child process so that its time and peak memory are its own.
 */
export async function runLoad(
  dbFile: string,
  reports: number,
  seed: number,
  log: (line: string) => void,
  agencies = 3000,
): Promise<LoadResult> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(import.meta.dirname, "load-child.ts"),
      "--db",
      dbFile,
      "--reports",
      String(reports),
      "--seed",
      String(seed),
      "--agencies",
      String(agencies),
    ],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
    for (const line of chunk.toString().split("\n")) if (line.trim()) log(line);
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`Loading failed (exit ${code}):\n${stderr}`);
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as LoadChildResult;
  const load = result.phases.find((p) => p.name === "generate and load reports")!;
  return {
    ...result,
    totalSeconds: (performance.now() - started) / 1000,
    loadSeconds: load.seconds,
    peakRssMiB: Math.max(...result.phases.map((p) => p.peakRssMiB)),
  };
}
