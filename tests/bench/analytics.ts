// Analytics benchmark: median and p95 of every measure of one agency dashboard (large and small agency)
// and of the national view, server side, after warm-up. Prints figures; asserts nothing (DESIGN §9).
//
//   npx tsx tests/bench/analytics.ts --db /tmp/an-1m [--runs 30] [--warmup 5]
//
// The database must hold the analytics rollups (`closecall seed` or `closecall rebuild` build them).
// National aggregates are cached per rollup version (the same for every viewer until a publication):
// each measure is timed with that cache warm, and the whole dashboard once more with it off (cold).
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { parseAnalyticsFilters } from "../../analytics/filters";
import { getDashboard } from "../../analytics/get-dashboard";
import { getEmergingRisks } from "../../analytics/get-emerging-risks";
import { getFactorCooccurrence } from "../../analytics/get-factor-cooccurrence";
import { getFactorProfile } from "../../analytics/get-factor-profile";
import { getFunnel } from "../../analytics/get-funnel";
import { getIncidentFactorMatrix } from "../../analytics/get-incident-factor-matrix";
import { getLossPotentialMix } from "../../analytics/get-loss-potential-mix";
import { getTrends } from "../../analytics/get-trends";
import { DEFAULT_PRIVACY_RULES } from "../../analytics/privacy/rules";
import { setNationalCache } from "../../analytics/source";
import type { Viewer } from "../../analytics/viewer";
import { resolveDatabasePath } from "../../cli/database-path";
import type { Executor } from "../../db/database";
import { openDatabase } from "../../db/open";

const { values } = parseArgs({ options: { db: { type: "string" }, runs: { type: "string" }, warmup: { type: "string" } } });
const runs = Number(values.runs ?? 30);
const warmup = Number(values.warmup ?? 5);
const database = await openDatabase({ location: resolveDatabasePath(values.db, process.env) });
const db = database.db;
const privacy = DEFAULT_PRIVACY_RULES;

async function agencyByName(name: string, fallback: "largest" | "smallest-open"): Promise<{ id: string; label: string }> {
  const named = await sql<{ id: string }>`SELECT id::VARCHAR AS id FROM agencies WHERE name = ${name}`.execute(db);
  if (named.rows[0]) return { id: named.rows[0].id, label: name };
  const { rows } = await sql<{ id: string; name: string }>`
    SELECT a.id::VARCHAR AS id, a.name FROM agencies a JOIN analytics_reports r ON r.agency_id = a.id
    GROUP BY a.id, a.name HAVING count(*) >= 30 ORDER BY count(*) ${fallback === "largest" ? sql`DESC` : sql`ASC`} LIMIT 1`.execute(db);
  return { id: rows[0]!.id, label: rows[0]!.name };
}

type Measure = (db: Executor, viewer: Viewer) => Promise<unknown>;
const agencyFilters = parseAnalyticsFilters({ scope: "agency" });
const nationalFilters = parseAnalyticsFilters({});
const measures = (filters: typeof agencyFilters): [string, Measure][] => [
  ["factor profile", (d, v) => getFactorProfile(d, filters, v, privacy)],
  ["trends", (d, v) => getTrends(d, filters, v, privacy)],
  ["incident × factor matrix", (d, v) => getIncidentFactorMatrix(d, filters, v, privacy)],
  ["co-occurrence", (d, v) => getFactorCooccurrence(d, filters, v, privacy)],
  ["loss-potential mix", (d, v) => getLossPotentialMix(d, filters, v, privacy)],
  ["funnel", (d, v) => getFunnel(d, filters, v, privacy)],
  ["emerging risks", (d, v) => getEmergingRisks(d, filters, v, privacy)],
  ["ALL MEASURES (getDashboard)", (d, v) => getDashboard(d, filters, v, privacy)],
  ["ALL MEASURES, no national cache", async (d, v) => {
    setNationalCache(false);
    try {
      return await getDashboard(d, filters, v, privacy);
    } finally {
      setNationalCache(true);
    }
  }],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * Wall-clock median and p95 (the target), plus the process CPU time per run (JavaScript and DuckDB's
 * threads together): on a machine shared with other work, CPU time shows the cost without the waiting.
 */
async function time(fn: () => Promise<unknown>): Promise<{ median: number; p95: number; cpu: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < warmup; i++) bytes = JSON.stringify(await fn()).length;
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(usage);
    samples.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), cpu: percentile(cpu, 0.5), bytes };
}

const { rows: size } = await sql<{ n: number }>`SELECT count(*) AS n FROM analytics_reports`.execute(db);
const large = await agencyByName("Metro City Police Department", "largest");
const small = await agencyByName("Pine Hollow Police Department", "smallest-open");
const [load] = (await import("node:os")).loadavg();
console.log(
  `Analytics benchmark: ${size[0]!.n.toLocaleString("en-US")} reports, ${runs} runs after ${warmup} warm-up runs, k = ${privacy.k}, ` +
    `${(await import("node:os")).cpus().length} cores, load average ${load!.toFixed(1)} at start`,
);
const views: [string, Viewer, typeof agencyFilters][] = [
  [`Agency dashboard, large agency (${large.label})`, { kind: "agency", agencyId: large.id }, agencyFilters],
  [`Agency dashboard, small agency (${small.label})`, { kind: "agency", agencyId: small.id }, agencyFilters],
  ["National view (national analyst)", { kind: "national" }, nationalFilters],
];
for (const [title, viewer, filters] of views) {
  console.log(`\n${title}`);
  for (const [name, measure] of measures(filters)) {
    const t = await time(() => measure(db, viewer));
    console.log(
      `  ${name.padEnd(30)} median ${t.median.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms   ` +
        `CPU ${t.cpu.toFixed(1).padStart(7)} ms   ${(t.bytes / 1024).toFixed(0).padStart(6)} KB JSON`,
    );
  }
}
await database.close();
