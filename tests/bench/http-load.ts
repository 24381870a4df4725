import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createSession } from "../../db/accounts/sessions";
import { generateServerKeyText } from "../../db/intake/server-key";
import { openDatabase } from "../../db/open";
import { freePort, startBenchServer, type BenchServerOptions } from "./bench-server";
import { summarise } from "./stats";

export interface HttpTarget {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

export interface HttpRun {
  target: string;
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  /**
   * Requests still waiting for their answer when the run ended (not in the latencies: read them as slower than p99).
   */
  unfinished: number;
  statusCounts: Record<string, number>;
  meanKiB: number;
  /** The server process's CPU time (every thread) per answered request, in ms; null where /proc is missing. */
  serverCpuMs?: number | null;
}

export interface HttpResult {
  runs: HttpRun[];
  /** Targets that could not be measured and why (e.g. a route not on this branch yet). */
  skipped: { target: string; path: string; reason: string }[];
  loadAverageAtStart: number;
}

/** The library search the benchmark loads (docs/design.md §9: library search page under 50 clients). */
export const LIBRARY_SEARCH_PATH = "/reports?q=traffic+stop";

// Browsers ask for compressed pages; the server compresses (compression middleware), so the bench does too.
const BROWSER_HEADERS = { "accept-encoding": "gzip", accept: "text/html" };

/**
 * CPU seconds a process has used so far, every thread (Linux: /proc/PID/stat, user + system time in
 * clock ticks of 1/100 s), or null elsewhere.
 */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // The command name (field 2) may hold spaces: count fields from the closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** One autocannon run: every response time is recorded, so p95 is exact (autocannon reports p97.5). */
export async function loadTarget(
  baseUrl: string,
  target: HttpTarget,
  connections: number,
  seconds: number,
  serverPid?: number,
): Promise<HttpRun> {
  const cpuBefore = processCpuSeconds(serverPid);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${target.path}`,
        connections,
        duration: seconds,
        timeout: 30,
        headers: { ...BROWSER_HEADERS, ...target.headers },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      bytes += resBytes;
    });
  });
  const cpuAfter = processCpuSeconds(serverPid);
  const s = summarise(latencies);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? Number.NaN;
  const non2xx = Object.entries(statusCounts)
    .filter(([code]) => !code.startsWith("2"))
    .reduce((n, [, c]) => n + c, 0);
  return {
    target: target.name,
    path: target.path,
    connections,
    seconds,
    requests: latencies.length,
    throughput: latencies.length / seconds,
    p50: s.median,
    p95: s.p95,
    p99,
    max: s.max,
    errors: non2xx + result.errors + result.timeouts,
    unfinished: Math.max(0, ((result.requests as { sent?: number }).sent ?? 0) - latencies.length - result.errors),
    statusCounts,
    meanKiB: latencies.length ? bytes / latencies.length / 1024 : 0,
    serverCpuMs:
      cpuBefore !== null && cpuAfter !== null && latencies.length
        ? ((cpuAfter - cpuBefore) * 1000) / latencies.length
        : null,
  };
}

/** Fetches a target once (warm-up and check): the status it answers, or why it cannot be measured. */
export async function probeTarget(baseUrl: string, target: HttpTarget): Promise<string | null> {
  const response = await fetch(`${baseUrl}${target.path}`, {
    headers: { ...BROWSER_HEADERS, ...target.headers },
    redirect: "manual",
  });
  await response.arrayBuffer();
  if (response.status === 404) return "404: this route is not on this branch yet";
  if (response.status !== 200) return `answers ${response.status} before any load`;
  return null;
}

/**
 * Waits until the server has worked off what a run left queued (autocannon stops at its deadline, the
 * server still answers what it had accepted): /healthz answers quickly twice in a row, or 90 s passed.
 */
export async function settle(baseUrl: string): Promise<void> {
  const deadline = performance.now() + 90_000;
  let quick = 0;
  while (quick < 2 && performance.now() < deadline) {
    const started = performance.now();
    await fetch(`${baseUrl}/healthz`)
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface HttpSectionOptions extends BenchServerOptions {
  /** Seconds per run, and at most this long for a slow page. */
  seconds: number;
  maxSeconds: number;
  connections: number[];
  /** Only the targets with these paths (all when absent). */
  paths?: string[];
}

/** The pages loaded (the agency dashboard with the demo commander's session), or those of `paths`. */
export function httpTargets(cookie: string, paths?: string[]): HttpTarget[] {
  const targets: HttpTarget[] = [
    { name: "Agency dashboard (Metro City PD commander)", path: "/agency", headers: { cookie } },
    { name: "Report library, first page", path: "/reports" },
    { name: "Report library, search 'traffic stop'", path: LIBRARY_SEARCH_PATH },
    { name: "Report form", path: "/report" },
  ];
  return targets.filter((t) => !paths || paths.includes(t.path));
}

/** Pages per second of scale-out ÷ embedded, per page and number of clients measured in both. */
export function throughputRatios(embedded: HttpRun[], scaleOut: HttpRun[]) {
  return scaleOut.flatMap((s) => {
    const e = embedded.find((r) => r.path === s.path && r.connections === s.connections);
    return e ? [{ target: s.target, connections: s.connections, ratio: s.throughput / e.throughput }] : [];
  });
}

/**
 * Section 5: the real server on the benchmark's data; each page at each number of clients. The agency
 * dashboard is requested with a session of the demo commander of Metro City PD, created in the database.
 */
export async function runHttpSection(options: HttpSectionOptions, log: (line: string) => void): Promise<HttpResult> {
  const signedIn = await openDatabase({ location: path.join(options.dataDir, "closecall.duckdb") });
  let cookie: string;
  try {
    const commander = await signedIn.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "commander@metro.demo.closecall.test")
      .executeTakeFirstOrThrow();
    cookie = `__Host-closecall_session=${(await createSession(signedIn.db, commander.id, true)).id}`;
  } finally {
    await signedIn.close();
  }
  const chosen = httpTargets(cookie, options.paths);
  const server = await startBenchServer(options);
  const http: HttpResult = { runs: [], skipped: [], loadAverageAtStart: loadavg()[0]! };
  try {
    log(`Server started in ${server.startSeconds.toFixed(1)} s at ${server.url}`);
    for (const target of chosen) {
      const problem = await probeTarget(server.url, target);
      if (problem) {
        http.skipped.push({ target: target.name, path: target.path, reason: problem });
        log(`  ${target.name} (${target.path}): not measured — ${problem}`);
        continue;
      }
      let throughput = Number.POSITIVE_INFINITY;
      for (const connections of options.connections) {
        // A slow page needs longer than a fast one before every client has had a few answers.
        const seconds = Math.min(
          options.maxSeconds,
          Math.max(options.seconds, Math.ceil((connections * 3) / throughput)),
        );
        const r = await loadTarget(server.url, target, connections, seconds, server.process.pid);
        await settle(server.url);
        throughput = r.throughput;
        http.runs.push(r);
        log(
          `  ${`${target.name}, ${connections} clients`.padEnd(56)} ${r.throughput.toFixed(0).padStart(5)} req/s  ` +
            `p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  ` +
            `p99 ${r.p99.toFixed(0).padStart(5)} ms  errors ${r.errors}  server ` +
            `CPU ${r.serverCpuMs?.toFixed(1) ?? "–"} ms/page`,
        );
      }
    }
  } finally {
    await server.stop("SIGTERM");
  }
  return http;
}

/**
 * This section alone, on an existing data folder (e.g. one `closecall seed --demo-accounts` made):
 *   npx tsx tests/bench/http-load.ts --data /tmp/perf-1m [--seconds 10] [--connections 10,50] [--paths
 * /reports,/report] [--scale-out 2]
 * With --scale-out N, then section 5b in the same run: the data moved into PostgreSQL and served by N
 * workers, with the ratio of pages per second to the embedded process.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      seconds: { type: "string" },
      connections: { type: "string" },
      paths: { type: "string" },
      "scale-out": { type: "string" },
    },
  });
  if (!values.data) throw new Error("--data DIR is required (the folder holding closecall.duckdb)");
  const seconds = Number(values.seconds ?? 10);
  const connections = (values.connections ?? "10,50").split(",").map(Number);
  const paths = values.paths?.split(",");
  const options = {
    dataDir: path.resolve(values.data),
    port: await freePort(),
    intakeKey: generateServerKeyText(),
    seconds,
    maxSeconds: 60,
    connections,
    paths,
  };
  const embedded = await runHttpSection(options, console.log);
  if (!values["scale-out"]) return;
  console.log(`\n== 5b. Scale-out: PostgreSQL, ${values["scale-out"]} workers`);
  // Loaded here, not at the top: scale-out.ts builds on this module's load functions.
  const { runScaleOutSection } = await import("./scale-out");
  const scaleOut = await runScaleOutSection(
    {
      dataDir: options.dataDir,
      intakeKey: options.intakeKey,
      workers: Number(values["scale-out"]),
      connections,
      seconds,
      targets: (cookie) => httpTargets(cookie, paths),
      publications: 3,
    },
    console.log,
  );
  for (const r of throughputRatios(embedded.runs, scaleOut.runs))
    console.log(`  ${`${r.target}, ${r.connections} clients`.padEnd(56)} ${r.ratio.toFixed(2)}× the embedded pages/s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(1);
    },
  );
}
