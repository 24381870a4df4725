import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { createRequire } from "node:module";

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage: number[];
  os: string;
  node: string;
  duckdb: string;
  postgres: string | null;
  closecallCommit: string;
}

function osName(): string {
  try {
    const line = readFileSync("/etc/os-release", "utf8")
      .split("\n")
      .find((l) => l.startsWith("PRETTY_NAME="));
    return line ? line.slice("PRETTY_NAME=".length).replaceAll('"', "") : process.platform;
  } catch {
    return process.platform;
  }
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "unknown";
  }
}

/** The facts a reader needs to compare figures between runs: CPU, memory, load, versions. */
export function machineFacts(postgresVersion: string | null): MachineFacts {
  const require = createRequire(import.meta.url);
  const duckdb = (require("@duckdb/node-api/package.json") as { version: string }).version;
  return {
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    os: osName(),
    node: process.version,
    duckdb: `@duckdb/node-api ${duckdb}`,
    postgres: postgresVersion,
    closecallCommit: commit(),
  };
}
