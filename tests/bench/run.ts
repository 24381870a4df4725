// `npm run bench`: Close Call's figures, measured side by side in one run (docs/design.md §9). Prints them and
// writes a Markdown report and a JSON file under bench-results/. Times never fail the run; wrong
// results do (DuckDB and PostgreSQL disagreeing, a lost acknowledged submission, a section that broke).
//
//   npm run bench                         # 1,000,000 reports (about 15 minutes on 2 cores)
//   npm run bench -- --reports 200000     # any size
//   npm run bench -- --quick              # a small smoke run (checked by npm run bench:smoke)
//   options: --seed S  --out DIR  --work DIR (keep the data there; reused when it already holds a dataset)
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { generateServerKeyText } from "../../db/intake/server-key";
import { openDatabase } from "../../db/open";
import { runAnalyticsBench } from "./analytics";
import { freePort } from "./bench-server";
import { runDurability } from "./durability";
import { httpTargets, runHttpSection } from "./http-load";
import { runScaleOutSection } from "./scale-out";
import { runLoad } from "./load";
import { machineFacts } from "./machine";
import { exportForPostgres } from "./postgres/pg-dataset";
import { postgresUnavailable } from "../support/postgres-cluster";
import { runPostgresComparison, type PostgresResult } from "./postgres/pg-section";
import { renderMarkdown } from "./report";
import type { BenchResult, BenchSettings } from "./result";
import { runReleaseBookBench } from "./release-book";
import { runSearchBench } from "./search";

const root = path.resolve(import.meta.dirname, "../..");

function settingsFrom(argv: string[]): { settings: BenchSettings; out: string; work: string | undefined } {
  const { values } = parseArgs({
    args: argv,
    options: {
      reports: { type: "string" },
      seed: { type: "string" },
      quick: { type: "boolean" },
      out: { type: "string" },
      work: { type: "string" },
    },
  });
  const quick = values.quick ?? false;
  const reports = Number((values.reports ?? (quick ? "3000" : "1000000")).replaceAll(/[_,]/g, ""));
  if (!Number.isInteger(reports) || reports < 1000 || reports > 5_000_000)
    throw new Error("--reports must be a whole number from 1,000 to 5,000,000");
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const settings: BenchSettings = quick
    ? {
        reports,
        seed,
        quick,
        analyticsRuns: 2,
        analyticsWarmup: 1,
        searchRuns: 1,
        postgresRuns: 1,
        postgresWarmup: 0,
        httpSeconds: 1.5,
        httpConnections: [10, 50],
        durabilityClients: 4,
        durabilitySeconds: 3,
      }
    : {
        reports,
        seed,
        quick,
        analyticsRuns: 30,
        analyticsWarmup: 5,
        searchRuns: 10,
        postgresRuns: 15,
        postgresWarmup: 3,
        httpSeconds: 10,
        httpConnections: [10, 50],
        durabilityClients: 8,
        durabilitySeconds: 15,
      };
  return {
    settings,
    out: path.resolve(values.out ?? path.join(root, "bench-results")),
    work: values.work ? path.resolve(values.work) : undefined,
  };
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
    startedAt: new Date().toISOString(),
    finishedAt: "",
    settings,
    machine: machineFacts(null),
    duckdbVersion: "",
    sections: [],
    errors: [],
  };
  async function section<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    log(`\n== ${name}`);
    const entry = { section: name, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), seconds: 0 };
    result.sections.push(entry);
    const started = performance.now();
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      result.errors.push({ section: name, message });
      log(`!! ${name} failed: ${message}`);
      return undefined;
    } finally {
      entry.seconds = Math.round((performance.now() - started) / 100) / 10;
    }
  }
  log(
    `Close Call benchmark: ${settings.reports.toLocaleString("en-US")} ` +
      `reports${settings.quick ? " (quick)" : ""}, data in ${workDir}`,
  );
  log(
    `Machine: ${result.machine.cpuModel}, ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB, load ` +
      `average ${result.machine.loadAverage.join(", ")}`,
  );

  // 1. Load
  if (reuse) log(`\n== 1. Load: skipped, reusing ${dbFile}`);
  else
    result.load = await section("1. Load", () =>
      runLoad(dbFile, settings.reports, settings.seed, log, settings.quick ? 300 : 3000),
    );

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
        log(
          `Exported ${Object.entries(exported.rows)
            .map(([t, n]) => `${t} ${n.toLocaleString("en-US")}`)
            .join(", ")} in ${exported.seconds.toFixed(1)} s`,
        );
      } finally {
        await exporter.close();
      }
    });
  }

  const database = await openDatabase({ location: dbFile });
  try {
    const { rows } = await sql<{ v: string }>`SELECT version() AS v`.execute(database.db);
    result.duckdbVersion = `DuckDB ${rows[0]!.v}`;
    result.analytics = await section("2. Analytics", () =>
      runAnalyticsBench(database.db, { runs: settings.analyticsRuns, warmup: settings.analyticsWarmup }, log),
    );
    result.search = await section("4. Search", () => runSearchBench(database.db, { runs: settings.searchRuns }, log));
    result.releaseBook = await section("7. Release book", async () => {
      const { rows: latest } = await sql<{
        y: number;
      }>`SELECT year(max(published_month))::INTEGER AS y FROM reports`.execute(database.db);
      const today = new Date().toISOString().slice(0, 10);
      return runReleaseBookBench(database.db, { year: latest[0]!.y - 1, today, k: 10, agencyMinReports: 30 }, log);
    });
    result.postgres = await section("3. Versus PostgreSQL", async (): Promise<PostgresResult> => {
      if (unavailable) {
        log(`PostgreSQL comparison skipped: ${unavailable}`);
        return { available: false, reason: unavailable };
      }
      if (exportSeconds === undefined)
        return { available: false, reason: "the export for PostgreSQL failed (see errors)" };
      const compared = await runPostgresComparison(
        database,
        {
          csvDir,
          exportSeconds,
          clusterDir: path.join(pgDir, "cluster"),
          runs: settings.postgresRuns,
          warmup: settings.postgresWarmup,
        },
        log,
      );
      result.machine.postgres = compared.version ?? null;
      return compared;
    });
  } finally {
    await database.close();
    rmSync(pgDir, { recursive: true, force: true });
  }

  // 5 and 6 run the real server on the same data.
  const intakeKey = generateServerKeyText();
  const port = await freePort();
  result.http = await section("5. HTTP under load", () =>
    runHttpSection(
      {
        dataDir,
        port,
        intakeKey,
        seconds: settings.httpSeconds,
        maxSeconds: settings.quick ? 2 : 60,
        connections: settings.httpConnections,
      },
      log,
    ),
  );

  // Minutes at 1M (the move, every worker's copy): full runs only, so the smoke run stays short.
  if (settings.quick) log("\n== 5b. Scale-out on PostgreSQL: left out of quick runs");
  else if (unavailable) log(`\n== 5b. Scale-out on PostgreSQL: not run (${unavailable})`);
  else
    result.scaleOut = await section("5b. Scale-out on PostgreSQL, 2 workers", () =>
      runScaleOutSection(
        {
          dataDir,
          intakeKey,
          workers: 2,
          connections: settings.httpConnections,
          seconds: settings.httpSeconds,
          targets: (cookie) => httpTargets(cookie),
          publications: 3,
        },
        log,
      ),
    );

  result.durability = await section("6. Submission durability", () =>
    runDurability({
      dataDir,
      port,
      intakeKey,
      clients: settings.durabilityClients,
      seconds: settings.durabilitySeconds,
      log,
    }),
  );

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
    ...(result.durability?.phases
      .filter((p) => p.lost > 0)
      .map((p) => `${p.lost} acknowledged submissions lost (${p.name})`) ?? []),
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
