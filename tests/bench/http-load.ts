import autocannon from "autocannon";
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
  /** Requests still waiting for their answer when the run ended (not in the latencies: read them as slower than p99). */
  unfinished: number;
  statusCounts: Record<string, number>;
  meanKiB: number;
}

export interface HttpResult {
  runs: HttpRun[];
  /** Targets that could not be measured and why (e.g. a route not on this branch yet). */
  skipped: { target: string; path: string; reason: string }[];
  loadAverageAtStart: number;
}

// Browsers ask for compressed pages; the server compresses (compression middleware), so the bench does too.
const BROWSER_HEADERS = { "accept-encoding": "gzip", accept: "text/html" };

/** One autocannon run: every response time is recorded, so p95 is exact (autocannon reports p97.5). */
export async function loadTarget(baseUrl: string, target: HttpTarget, connections: number, seconds: number): Promise<HttpRun> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${baseUrl}${target.path}`, connections, duration: seconds, timeout: 30, headers: { ...BROWSER_HEADERS, ...target.headers } },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      bytes += resBytes;
    });
  });
  const s = summarise(latencies);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? Number.NaN;
  const non2xx = Object.entries(statusCounts).filter(([code]) => !code.startsWith("2")).reduce((n, [, c]) => n + c, 0);
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
  };
}

/** Fetches a target once (warm-up and check): the status it answers, or why it cannot be measured. */
export async function probeTarget(baseUrl: string, target: HttpTarget): Promise<string | null> {
  const response = await fetch(`${baseUrl}${target.path}`, { headers: { ...BROWSER_HEADERS, ...target.headers }, redirect: "manual" });
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
    await fetch(`${baseUrl}/healthz`).then((r) => r.arrayBuffer()).catch(() => undefined);
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}
