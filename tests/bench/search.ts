// Search latency over a fixed query set, server side (no HTTP): median and p95 per query and overall.
//   npx tsx tests/bench/search.ts --db /tmp/lib-1m [--runs 15] [--json]
// The database must hold published reports and the library index (`closecall seed` builds it, or
// `closecall rebuild` for an older database). It is opened read-only-in-spirit: nothing is written.
// `npm run bench` runs this as its search section (runSearchBench).
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database";
import { exploreReports, findReports } from "../../db/library/explore-reports";
import { emptyFilters, type LibraryFilters } from "../../domain/library-query";
import { anonymousViewer } from "../../db/library/published-columns";
import { openDatabase } from "../../db/open";
import { resolveDatabasePath } from "../../cli/database-path";
import { percentile } from "./stats";

/** What officers type: single words, inflected forms, phrases, a title, and words with facet filters. */
const SEARCHES: { label: string; filters: Partial<LibraryFilters> }[] = [
  { label: "pursuing", filters: { q: "pursuing" } },
  { label: "traffic stop", filters: { q: "traffic stop" } },
  { label: "hidden knife", filters: { q: "hidden knife" } },
  { label: "radio dead spot", filters: { q: "radio dead spot" } },
  { label: "dog attack", filters: { q: "dog attack" } },
  { label: "ambushed at the door", filters: { q: "ambushed at the door" } },
  { label: "handcuffs slipped", filters: { q: "handcuffs slipped" } },
  { label: "struck by passing truck", filters: { q: "struck by passing truck" } },
  { label: "officer (very common word)", filters: { q: "officer" } },
  {
    label: "title: Loaded handgun missed after a traffic stop",
    filters: { q: "Loaded handgun missed after a traffic stop" },
  },
  { label: "fatigue + loss fatality", filters: { q: "fatigue", lossPotentials: ["fatality"] } },
  { label: "ice + region midwest + 2024", filters: { q: "ice", regions: ["midwest"], from: "2024-01", to: "2024-12" } },
  {
    label: "search + factor all-of",
    filters: { q: "search", factors: ["td_inadequate_search", "st_concealed_weapon"], factorMatch: "all" },
  },
];

/** Browsing without text (not part of the search figure; printed apart). */
const BROWSING: { label: string; filters: Partial<LibraryFilters> }[] = [
  { label: "browse: everything, newest first", filters: {} },
  {
    label: "browse: traffic stop + dark, unlit + 2 factors any-of",
    filters: {
      incidentTypes: ["traffic_stop"],
      light: ["dark_unlit"],
      factors: ["hc_low_light", "hc_roadway_exposure"],
    },
  },
];

export interface QueryTiming {
  median: number;
  p95: number;
  cpuMedian: number;
  total: number;
}

export interface SearchMeasure {
  name: string;
  median: number;
  p95: number;
  cpuMedian: number;
  loadAverageAtEnd: number;
  perQuery: Record<string, QueryTiming>;
}

export interface SearchResult {
  reports: number;
  runs: number;
  loadAverageAtStart: number;
  measures: SearchMeasure[];
}

/** The docs/design.md §9 search figure: the ranked page of 25 with its total, over every query of the set. */
export const SEARCH_FIGURE = "search (ranked page of 25 + total)";

export async function runSearchBench(
  db: Kysely<Database>,
  options: { runs: number },
  log: ((line: string) => void) | null = console.log,
): Promise<SearchResult> {
  const docs = await db
    .selectFrom("library_documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (docs.n === 0) throw new Error("The library index is empty: run `npx closecall rebuild --db <path>` first.");
  const measures = [
    {
      name: SEARCH_FIGURE,
      run: (f: LibraryFilters) =>
        findReports(db, f, { column: "relevance", descending: true }, { page: 1, size: 25 }, anonymousViewer),
    },
    {
      name: "explorer (search + all facet counts)",
      run: (f: LibraryFilters) =>
        exploreReports(db, f, { column: "relevance", descending: true }, { page: 1, size: 25 }, anonymousViewer),
    },
  ];
  const result: SearchResult = { reports: docs.n, runs: options.runs, loadAverageAtStart: loadavg()[0]!, measures: [] };
  log?.(
    `Load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} (${cpus().length} cores)`,
  );
  for (const [measure, QUERIES] of measures.flatMap(
    (m) =>
      [
        [m, SEARCHES],
        [{ ...m, name: m.name.replace("search", "browse") }, BROWSING],
      ] as const,
  )) {
    const wall = new Map<string, number[]>(QUERIES.map((q) => [q.label, []]));
    const cpu = new Map<string, number[]>(QUERIES.map((q) => [q.label, []]));
    const totals = new Map<string, number>();
    // warm-up
    for (const q of QUERIES) totals.set(q.label, (await measure.run({ ...emptyFilters, ...q.filters })).total);
    // Round robin over the query set, so that load from other processes falls on every query alike.
    for (let i = 0; i < options.runs; i++) {
      for (const q of QUERIES) {
        const filters = { ...emptyFilters, ...q.filters };
        const cpuStart = process.cpuUsage();
        const started = performance.now();
        await measure.run(filters);
        wall.get(q.label)!.push(performance.now() - started);
        const used = process.cpuUsage(cpuStart);
        cpu.get(q.label)!.push((used.user + used.system) / 1000);
      }
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const allWall = sorted([...wall.values()].flat());
    const allCpu = sorted([...cpu.values()].flat());
    const perQuery = Object.fromEntries(
      QUERIES.map((q) => {
        const w = sorted(wall.get(q.label)!);
        const c = sorted(cpu.get(q.label)!);
        return [
          q.label,
          {
            median: percentile(w, 50),
            p95: percentile(w, 95),
            cpuMedian: percentile(c, 50),
            total: totals.get(q.label)!,
          },
        ];
      }),
    );
    const summary: SearchMeasure = {
      name: measure.name,
      median: percentile(allWall, 50),
      p95: percentile(allWall, 95),
      cpuMedian: percentile(allCpu, 50),
      loadAverageAtEnd: loadavg()[0]!,
      perQuery,
    };
    result.measures.push(summary);
    if (log) {
      log(
        `\n${measure.name} — ${docs.n.toLocaleString("en-US")} reports, ${options.runs} runs per query (wall ` +
          `clock; CPU = all threads)`,
      );
      for (const [label, r] of Object.entries(perQuery)) {
        log(
          `  ${label.padEnd(50)} median ${r.median.toFixed(1).padStart(6)} ms  ` +
            `p95 ${r.p95.toFixed(1).padStart(6)} ms  ` +
            `CPU ${r.cpuMedian.toFixed(1).padStart(6)} ms  ${r.total.toLocaleString("en-US").padStart(9)} matches`,
        );
      }
      log(
        `  ${"ALL QUERIES".padEnd(50)} median ${summary.median.toFixed(1).padStart(6)} ms  ` +
          `p95 ${summary.p95.toFixed(1).padStart(6)} ms  ` +
          `CPU ${summary.cpuMedian.toFixed(1).padStart(6)} ms   (load average ` +
          `now ${summary.loadAverageAtEnd.toFixed(2)})`,
      );
    }
  }
  return result;
}

async function main() {
  const { values } = parseArgs({
    options: { db: { type: "string" }, runs: { type: "string" }, json: { type: "boolean" } },
  });
  const database = await openDatabase({ location: resolveDatabasePath(values.db, process.env) });
  try {
    const result = await runSearchBench(
      database.db,
      { runs: Number(values.runs ?? 15) },
      values.json ? null : console.log,
    );
    if (values.json) console.log(JSON.stringify(result, null, 2));
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
