// `npm run bench`: Close Call's figures, measured side by side in one run (DESIGN §9). Prints them and
// writes a Markdown report and a JSON file under bench-results/. Times never fail the run; wrong
// results do (DuckDB and PostgreSQL disagreeing, a lost acknowledged submission, a section that broke).
//
//   npm run bench                         # 1,000,000 reports (about 15 minutes on 2 cores)
//   npm run bench -- --reports 200000     # any size
//   npm run bench -- --quick              # a small smoke run (CI: tests/bench/bench-quick.test.ts)
//   options: --seed S  --out DIR  --work DIR (keep the data there; reused when it already holds a dataset)
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { createSession } from "../../db/accounts/sessions";
import { generateServerKeyText } from "../../db/intake/server-key";
import { openDatabase } from "../../db/open";
import { runAnalyticsBench, benchViews, type AnalyticsResult } from "./analytics";
import { startBenchServer, freePort } from "./bench-server";
import { runDurabilityPhase, type DurabilityResult } from "./durability";
import { loadTarget, probeTarget, settle, type HttpResult, type HttpTarget } from "./http-load";
import { runLoad, type LoadResult } from "./load";
import { machineFacts, type MachineFacts } from "./machine";
import { captureDashboardQueries, compareDashboard, type CapturedQuery, type DashboardComparison } from "./postgres/pg-compare";
import { exportForPostgres, LAYOUTS, loadIntoPostgres, type PgLoadResult } from "./postgres/pg-dataset";
import { postgresUnavailable, startPostgres, type PgServer } from "./postgres/pg-server";
import { renderMarkdown } from "./report";
import { runSearchBench, type SearchResult } from "./search";

const root = path.resolve(import.meta.dirname, "../..");

export interface BenchSettings {
  reports: number;
  seed: number;
  quick: boolean;
  analyticsRuns: number;
  analyticsWarmup: number;
  searchRuns: number;
  postgresRuns: number;
  postgresWarmup: number;
  httpSeconds: number;
  httpConnections: number[];
  durabilityClients: number;
  durabilitySeconds: number;
}

export interface PostgresLayoutResult {
  name: string;
  description: string;
  runs: number;
  load: PgLoadResult;
  dashboards: DashboardComparison[];
  allEqual: boolean;
  /** Σ PostgreSQL medians ÷ Σ DuckDB medians over every dashboard query of the three dashboards. */
  overallRatio: number;
}

export interface PostgresResult {
  available: boolean;
  reason?: string;
  version?: string;
  settings?: Record<string, string>;
  exportSeconds?: number;
  /** The same statements against PostgreSQL holding the data two ways (see pg-dataset.ts). */
  layouts?: PostgresLayoutResult[];
  allEqual?: boolean;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  settings: BenchSettings;
  machine: MachineFacts;
  duckdbVersion: string;
  /** Each section's wall time and the 1/5/15-minute load averages when it started (other work on the machine). */
  sections: { section: string; loadAverage: number[]; seconds: number }[];
  load?: LoadResult;
  analytics?: AnalyticsResult;
  postgres?: PostgresResult;
  search?: SearchResult;
  http?: HttpResult;
  durability?: DurabilityResult;
  errors: { section: string; message: string }[];
}

function settingsFrom(argv: string[]): { settings: BenchSettings; out: string; work: string | undefined } {
  const { values } = parseArgs({
    args: argv,
    options: {
      reports: { type: "string" }, seed: { type: "string" }, quick: { type: "boolean" }, out: { type: "string" }, work: { type: "string" },
    },
  });
  const quick = values.quick ?? false;
  const reports = Number((values.reports ?? (quick ? "3000" : "1000000")).replaceAll(/[_,]/g, ""));
  if (!Number.isInteger(reports) || reports < 1000 || reports > 5_000_000) throw new Error("--reports must be a whole number from 1,000 to 5,000,000");
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const settings: BenchSettings = quick
    ? { reports, seed, quick, analyticsRuns: 2, analyticsWarmup: 1, searchRuns: 1, postgresRuns: 1, postgresWarmup: 0, httpSeconds: 1.5, httpConnections: [10, 50], durabilityClients: 4, durabilitySeconds: 3 }
    : { reports, seed, quick, analyticsRuns: 30, analyticsWarmup: 5, searchRuns: 10, postgresRuns: 15, postgresWarmup: 3, httpSeconds: 10, httpConnections: [10, 50], durabilityClients: 8, durabilitySeconds: 15 };
  return { settings, out: path.resolve(values.out ?? path.join(root, "bench-results")), work: values.work ? path.resolve(values.work) : undefined };
}

async function main(): Promise<number> {
  const { settings, out, work } = settingsFrom(process.argv.slice(2));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const workDir = work ?? mkdtempSync(path.join(tmpdir(), "closecall-bench-"));
  mkdirSync(workDir, { recursive: true });
  const dataDir = path.join(workDir, "data");
  const dbFile = path.join(dataDir, "closecall.duckdb");
  const reuse = existsSync(dbFile);
  const result: BenchResult = {
    startedAt: new Date().toISOString(), finishedAt: "", settings, machine: machineFacts(null), duckdbVersion: "", sections: [], errors: [],
  };
  async function section<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    log(`\n== ${name}`);
    const entry = { section: name, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), seconds: 0 };
    result.sections.push(entry);
    const started = performance.now();
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      result.errors.push({ section: name, message });
      log(`!! ${name} failed: ${message}`);
      return undefined;
    } finally {
      entry.seconds = Math.round((performance.now() - started) / 100) / 10;
    }
  }
  log(`Close Call benchmark: ${settings.reports.toLocaleString("en-US")} reports${settings.quick ? " (quick)" : ""}, data in ${workDir}`);
  log(`Machine: ${result.machine.cpuModel}, ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB, load average ${result.machine.loadAverage.join(", ")}`);

  // 1. Load
  if (reuse) log(`\n== 1. Load: skipped, reusing ${dbFile}`);
  else result.load = await section("1. Load", () => runLoad(dbFile, settings.reports, settings.seed, log));

  // PostgreSQL's copy of the data is written first, through a connection without the lock-down.
  // In a folder of its own under the system's temporary folder, which the `postgres` user can reach.
  const pgDir = mkdtempSync(path.join(tmpdir(), "closecall-bench-pg-"));
  chmodSync(pgDir, 0o755);
  const csvDir = path.join(pgDir, "csv");
  const unavailable = postgresUnavailable();
  let exportSeconds: number | undefined;
  if (!unavailable) {
    await section("3a. Export for PostgreSQL", async () => {
      const exporter = await openDatabase({ location: dbFile, lockDown: false });
      try {
        const exported = await exportForPostgres(exporter.instance, csvDir);
        exportSeconds = exported.seconds;
        log(`Exported ${Object.entries(exported.rows).map(([t, n]) => `${t} ${n.toLocaleString("en-US")}`).join(", ")} in ${exported.seconds.toFixed(1)} s`);
      } finally {
        await exporter.close();
      }
    });
  }

  const database = await openDatabase({ location: dbFile });
  try {
    const { rows } = await sql<{ v: string }>`SELECT version() AS v`.execute(database.db);
    result.duckdbVersion = `DuckDB ${rows[0]!.v}`;
    result.analytics = await section("2. Analytics", () => runAnalyticsBench(database.db, { runs: settings.analyticsRuns, warmup: settings.analyticsWarmup }, log));
    result.search = await section("4. Search", () => runSearchBench(database.db, { runs: settings.searchRuns }, log));
    result.postgres = await section("3. Versus PostgreSQL", async (): Promise<PostgresResult> => {
      if (unavailable) {
        log(`PostgreSQL comparison skipped: ${unavailable}`);
        return { available: false, reason: unavailable };
      }
      if (exportSeconds === undefined) return { available: false, reason: "the export for PostgreSQL failed (see errors)" };
      let server: PgServer | undefined;
      try {
        server = await startPostgres(path.join(pgDir, "cluster"), log);
        result.machine.postgres = server.version;
        const layouts: PostgresLayoutResult[] = [];
        const queries = new Map<string, CapturedQuery[]>();
        const views = await benchViews(database.db);
        for (const view of views) queries.set(view.title, await captureDashboardQueries(database.instance, view.filters, view.viewer));
        for (const [i, layout] of LAYOUTS.entries()) {
          const admin = new pg.Client(server.connection);
          await admin.connect();
          await admin.query(`CREATE DATABASE bench_${i}`);
          await admin.end();
          const c = new pg.Client({ ...server.connection, database: `bench_${i}` });
          await c.connect();
          try {
            const loaded = await loadIntoPostgres(c, csvDir, layout);
            log(`\n${layout.name}: COPY ${loaded.copySeconds.toFixed(1)} s, indexes ${loaded.indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${loaded.analyzeSeconds.toFixed(1)} s, ${loaded.sizeMiB} MiB`);
            // Without the rollups PostgreSQL needs seconds per dashboard: fewer rounds.
            const rounds = i === 0 ? { runs: settings.postgresRuns, warmup: settings.postgresWarmup } : { runs: Math.max(1, Math.ceil(settings.postgresRuns / 3)), warmup: Math.min(1, settings.postgresWarmup) };
            const dashboards: DashboardComparison[] = [];
            for (const view of views) {
              const compared = await compareDashboard(database.db, c, view.title, queries.get(view.title)!, rounds);
              dashboards.push(compared);
              log(`${view.title}: ${compared.queries.length} queries, DuckDB ${compared.duckdbTotal.toFixed(1)} ms, PostgreSQL ${compared.postgresTotal.toFixed(1)} ms, ratio ${compared.ratio.toFixed(1)}×${compared.allEqual ? "" : "  RESULTS DIFFER"}`);
              for (const q of compared.queries) {
                log(`  ${q.label.padEnd(70)} DuckDB ${q.duckdb.median.toFixed(1).padStart(7)} ms  PostgreSQL ${q.postgres.median.toFixed(1).padStart(7)} ms  ${q.ratio.toFixed(1).padStart(6)}×  ${q.equal ? "equal" : "DIFFERENT"} (${q.rows} rows)`);
              }
            }
            const sumDuck = dashboards.reduce((sum, d) => sum + d.duckdbTotal, 0);
            const sumPg = dashboards.reduce((sum, d) => sum + d.postgresTotal, 0);
            const allEqual = dashboards.every((d) => d.allEqual);
            log(`${layout.name} overall: PostgreSQL ÷ DuckDB = ${(sumPg / sumDuck).toFixed(1)}×; results ${allEqual ? "equal" : "DIFFER"}`);
            layouts.push({ name: layout.name, description: layout.description, runs: rounds.runs, load: loaded, dashboards, allEqual, overallRatio: sumPg / sumDuck });
          } finally {
            await c.end();
          }
        }
        return { available: true, version: server.version, settings: server.settings, exportSeconds, layouts, allEqual: layouts.every((l) => l.allEqual) };
      } finally {
        await server?.stop();
      }
    });
  } finally {
    await database.close();
  }
  rmSync(pgDir, { recursive: true, force: true });

  // 5 and 6 run the real server on the same data.
  const intakeKey = generateServerKeyText();
  const port = await freePort();
  result.http = await section("5. HTTP under load", async (): Promise<HttpResult> => {
    const signedIn = await openDatabase({ location: dbFile });
    let cookie: string;
    try {
      const commander = await signedIn.db.selectFrom("users").select("id").where("email", "=", "commander@metro.demo.closecall.test").executeTakeFirstOrThrow();
      cookie = `__Host-closecall_session=${(await createSession(signedIn.db, commander.id, true)).id}`;
    } finally {
      await signedIn.close();
    }
    const targets: HttpTarget[] = [
      // The agency dashboard (issue 8) answers 404 until it lands: then it is measured with no change here.
      { name: "Agency dashboard (Metro City PD commander)", path: "/agency", headers: { cookie } },
      { name: "Report library, first page", path: "/reports" },
      { name: "Report library, search 'traffic stop'", path: "/reports?q=traffic+stop" },
      { name: "Report form", path: "/report" },
    ];
    const server = await startBenchServer({ dataDir, port, intakeKey });
    const http: HttpResult = { runs: [], skipped: [], loadAverageAtStart: loadavg()[0]! };
    try {
      log(`Server started in ${server.startSeconds.toFixed(1)} s at ${server.url}`);
      for (const target of targets) {
        const problem = await probeTarget(server.url, target);
        if (problem) {
          http.skipped.push({ target: target.name, path: target.path, reason: problem });
          log(`  ${target.name} (${target.path}): not measured — ${problem}`);
          continue;
        }
        let throughput = Number.POSITIVE_INFINITY;
        for (const connections of settings.httpConnections) {
          // A slow page needs longer than a fast one before every client has had a few answers.
          const seconds = Math.min(settings.quick ? 2 : 60, Math.max(settings.httpSeconds, Math.ceil((connections * 3) / throughput)));
          const r = await loadTarget(server.url, target, connections, seconds);
          await settle(server.url);
          throughput = r.throughput;
          http.runs.push(r);
          log(`  ${`${target.name}, ${connections} clients`.padEnd(56)} ${r.throughput.toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  errors ${r.errors}`);
        }
      }
    } finally {
      await server.stop("SIGTERM");
    }
    return http;
  });

  result.durability = await section("6. Submission durability", async (): Promise<DurabilityResult> => {
    const options = { dataDir, port, intakeKey, clients: settings.durabilityClients, seconds: settings.durabilitySeconds, log };
    const steady = await runDurabilityPhase("steady", options);
    const killed = await runDurabilityPhase("SIGKILL mid-run and restart", { ...options, killAtSeconds: settings.durabilitySeconds / 2 });
    return { powCounter: "production default (25,000–60,000), solved by the client", phases: [steady, killed] };
  });

  result.finishedAt = new Date().toISOString();
  mkdirSync(out, { recursive: true });
  const stamp = result.startedAt.replaceAll(/[:.]/g, "-");
  const base = path.join(out, `bench-${settings.reports}-${stamp}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, renderMarkdown(result));
  writeFileSync(path.join(out, "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(out, "latest.md"), renderMarkdown(result));
  log(`\nSections: ${result.sections.map((x) => `${x.section} ${x.seconds} s`).join(", ")}`);
  log(`Wrote ${base}.md and .json (also latest.md / latest.json)`);
  if (!work) rmSync(workDir, { recursive: true, force: true });

  const problems = [
    ...result.errors.map((e) => `section ${e.section} failed`),
    ...(result.postgres?.available && !result.postgres.allEqual ? ["DuckDB and PostgreSQL results differ"] : []),
    ...(result.durability?.phases.filter((p) => p.lost > 0).map((p) => `${p.lost} acknowledged submissions lost (${p.name})`) ?? []),
  ];
  for (const p of problems) log(`FAILED: ${p}`);
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
