// Analytics benchmark: median and p95 of every measure of the national view and of one agency dashboard
// (large and small agency: their release books' panels), server side, after warm-up. Prints figures;
// asserts nothing (docs/design.md §9).
//
//   npx tsx tests/bench/analytics.ts --db /tmp/an-1m [--runs 30] [--warmup 5]
//
// The database must hold the analytics rollups (`closecall seed` or `closecall rebuild` build them).
// National aggregates are cached per rollup version (the same for every viewer until a publication):
// each measure is timed with that cache warm, and the whole dashboard once more with it off (cold).
// `npm run bench` runs this as its analytics section (runAnalyticsBench).
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
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
import { getBookHeadline } from "../../analytics/agency-book/get-book-headline";
import { getBookLossMix } from "../../analytics/agency-book/get-book-loss-mix";
import { getBookMatrix } from "../../analytics/agency-book/get-book-matrix";
import { getBookProfile } from "../../analytics/agency-book/get-book-profile";
import { getBookTrends, topBookFactors } from "../../analytics/agency-book/get-book-trends";
import { getSharedFigures } from "../../analytics/agency-book/get-shared-figures";
import { readAgencyBook } from "../../analytics/release-book/read-book";
import { DEFAULT_PRIVACY_RULES } from "../../analytics/privacy/rules";
import { setNationalCache } from "../../analytics/source";
import type { Viewer } from "../../analytics/viewer";
import { resolveDatabasePath } from "../../cli/database-path";
import type { Executor } from "../../db/database";
import { openDatabase } from "../../db/open";
import { percentile } from "./stats";

const privacy = DEFAULT_PRIVACY_RULES;

export async function agencyByName(
  db: Executor,
  name: string,
  fallback: "largest" | "smallest-open",
): Promise<{ id: string; label: string }> {
  const named = await sql<{ id: string }>`SELECT id::VARCHAR AS id FROM agencies WHERE name = ${name}`.execute(db);
  if (named.rows[0]) return { id: named.rows[0].id, label: name };
  const { rows } = await sql<{ id: string; name: string }>`
    SELECT a.id::VARCHAR AS id, a.name FROM agencies a JOIN analytics_reports r ON r.agency_id = a.id
    GROUP BY a.id, a.name HAVING count(*) >= 30 ORDER BY count(*) ${fallback === "largest" ? sql`DESC` : sql`ASC`}
      LIMIT 1`.execute(db);
  return { id: rows[0]!.id, label: rows[0]!.name };
}

type Measure = (db: Executor, viewer: Viewer) => Promise<unknown>;
const nationalFilters = parseAnalyticsFilters({});
type Filters = typeof nationalFilters;

export const ALL_MEASURES = "ALL MEASURES (getDashboard)";
export const ALL_MEASURES_COLD = "ALL MEASURES, no national cache";

const measures = (filters: Filters): [string, Measure][] => [
  ["factor profile", (d, v) => getFactorProfile(d, filters, v, privacy)],
  ["trends", (d, v) => getTrends(d, filters, v, privacy)],
  ["incident × factor matrix", (d, v) => getIncidentFactorMatrix(d, filters, v, privacy)],
  ["co-occurrence", (d, v) => getFactorCooccurrence(d, filters, v, privacy)],
  ["loss-potential mix", (d, v) => getLossPotentialMix(d, filters, v, privacy)],
  ["funnel", (d, v) => getFunnel(d, filters, v, privacy)],
  ["emerging risks", (d, v) => getEmergingRisks(d, filters, v, privacy)],
  [ALL_MEASURES, (d, v) => getDashboard(d, filters, v, privacy)],
  [
    ALL_MEASURES_COLD,
    async (d, v) => {
      setNationalCache(false);
      try {
        return await getDashboard(d, filters, v, privacy);
      } finally {
        setNationalCache(true);
      }
    },
  ],
];

/**
 * Every panel of an agency's page from its release book (what getAgencyBookView computes): the book
 * read, its latest year's profile, top factors by year, matrix, loss mix, headline, and the free layer.
 */
async function agencyBookPanels(db: Executor, agencyId: string): Promise<unknown> {
  const book = await readAgencyBook(db, agencyId);
  const year = book.years[book.years.length - 1];
  const quarter = book.quarters[book.quarters.length - 1];
  const period = year ?? quarter;
  if (!period) return { book: null };
  const top = topBookFactors(book, 5);
  const end = Number(period.slice(0, 4)) * 12 + 11;
  return {
    profile: getBookProfile(book, { period, reference: "national" }),
    trends: getBookTrends(book, { factors: top, reference: "national" }),
    matrix: year ? getBookMatrix(book, { year, factors: top }) : null,
    lossMix: getBookLossMix(book, { period, reference: "national" }),
    headline: getBookHeadline(book, period),
    shared: await getSharedFigures(db, agencyId, { from: end - 11, to: end }),
  };
}

const bookMeasures = (agencyId: string): [string, Measure][] => [
  ["read the release book", (d) => readAgencyBook(d, agencyId)],
  [ALL_MEASURES, (d) => agencyBookPanels(d, agencyId)],
];

export interface MeasureTiming {
  measure: string;
  median: number;
  p95: number;
  /** Median process CPU time per run (JavaScript and DuckDB's threads together). */
  cpuMedian: number;
  jsonKiB: number;
}

export interface DashboardTiming {
  title: string;
  viewer: "agency" | "national";
  agency?: string;
  measures: MeasureTiming[];
}

export interface AnalyticsResult {
  reports: number;
  runs: number;
  warmup: number;
  k: number;
  loadAverageAtStart: number;
  dashboards: DashboardTiming[];
}

/**
 * Wall-clock median and p95 (the target), plus the process CPU time per run: on a machine shared with
 * other work, CPU time shows the cost without the waiting.
 */
async function time(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<Omit<MeasureTiming, "measure">> {
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
  if (warmup === 0) bytes = JSON.stringify(await fn()).length; // size only, not timed
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    cpuMedian: percentile(cpu, 50),
    jsonKiB: Math.round(bytes / 1024),
  };
}

/** The dashboards the benchmark times: the large and the small demo agency, and the national view. */
export async function benchViews(
  db: Executor,
): Promise<{ title: string; viewer: Viewer; filters: Filters; agency?: string }[]> {
  const large = await agencyByName(db, "Metro City Police Department", "largest");
  const small = await agencyByName(db, "Pine Hollow Police Department", "smallest-open");
  return [
    {
      title: `Agency dashboard, large agency (${large.label}), from its release book`,
      viewer: { kind: "agency", agencyId: large.id },
      filters: nationalFilters,
      agency: large.label,
    },
    {
      title: `Agency dashboard, small agency (${small.label}), from its release book`,
      viewer: { kind: "agency", agencyId: small.id },
      filters: nationalFilters,
      agency: small.label,
    },
    { title: "National view (national analyst)", viewer: { kind: "national" }, filters: nationalFilters },
  ];
}

export async function runAnalyticsBench(
  db: Executor,
  options: { runs: number; warmup: number },
  log: (line: string) => void = console.log,
): Promise<AnalyticsResult> {
  const { rows: size } = await sql<{ n: number }>`SELECT count(*) AS n FROM analytics_reports`.execute(db);
  const result: AnalyticsResult = {
    reports: size[0]!.n,
    runs: options.runs,
    warmup: options.warmup,
    k: privacy.k,
    loadAverageAtStart: loadavg()[0]!,
    dashboards: [],
  };
  log(
    `Analytics benchmark: ${result.reports.toLocaleString("en-US")} reports, ${options.runs} runs ` +
      `after ${options.warmup} warm-up runs, ` +
      `k = ${privacy.k}, ${cpus().length} cores, load average ${result.loadAverageAtStart.toFixed(1)} at start`,
  );
  for (const view of await benchViews(db)) {
    log(`\n${view.title}`);
    const dashboard: DashboardTiming = {
      title: view.title,
      viewer: view.viewer.kind === "national" ? "national" : "agency",
      agency: view.agency,
      measures: [],
    };
    const viewMeasures = view.viewer.kind === "agency" ? bookMeasures(view.viewer.agencyId) : measures(view.filters);
    for (const [name, measure] of viewMeasures) {
      const t = await time(() => measure(db, view.viewer), options.runs, options.warmup);
      dashboard.measures.push({ measure: name, ...t });
      log(
        `  ${name.padEnd(30)} median ${t.median.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ` +
          `ms   ` +
          `CPU ${t.cpuMedian.toFixed(1).padStart(7)} ms   ${String(t.jsonKiB).padStart(6)} KB JSON`,
      );
    }
    result.dashboards.push(dashboard);
  }
  return result;
}

async function main() {
  const { values } = parseArgs({
    options: { db: { type: "string" }, runs: { type: "string" }, warmup: { type: "string" } },
  });
  const database = await openDatabase({ location: resolveDatabasePath(values.db, process.env) });
  try {
    await runAnalyticsBench(database.db, { runs: Number(values.runs ?? 30), warmup: Number(values.warmup ?? 5) });
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
