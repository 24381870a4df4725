// Search latency over a fixed query set, server side (no HTTP): median and p95 per query and overall.
//   npx tsx tests/bench/search.ts --db /tmp/lib-1m [--runs 15] [--json]
// The database must hold published reports and the library index (`closecall seed` builds it, or
// `closecall rebuild` for an older database). It is opened read-only-in-spirit: nothing is written.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { exploreReports, findReports } from "../../db/library/explore-reports";
import { emptyFilters, type LibraryFilters } from "../../db/library/library-query";
import { anonymousViewer } from "../../db/library/published-columns";
import { openDatabase } from "../../db/open";
import { resolveDatabasePath } from "../../cli/database-path";

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
  { label: "title: Loaded handgun missed after a traffic stop", filters: { q: "Loaded handgun missed after a traffic stop" } },
  { label: "fatigue + loss fatality", filters: { q: "fatigue", lossPotentials: ["fatality"] } },
  { label: "ice + region midwest + 2024", filters: { q: "ice", regions: ["midwest"], from: "2024-01", to: "2024-12" } },
  { label: "search + factor all-of", filters: { q: "search", factors: ["td_inadequate_search", "st_concealed_weapon"], factorMatch: "all" } },
];

/** Browsing without text (not part of the search figure; printed apart). */
const BROWSING: { label: string; filters: Partial<LibraryFilters> }[] = [
  { label: "browse: everything, newest first", filters: {} },
  { label: "browse: traffic stop + dark, unlit + 2 factors any-of", filters: { incidentTypes: ["traffic_stop"], light: ["dark_unlit"], factors: ["hc_low_light", "hc_roadway_exposure"] } },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" }, runs: { type: "string" }, json: { type: "boolean" } } });
  const runs = Number(values.runs ?? 15);
  const database = await openDatabase({ location: resolveDatabasePath(values.db, process.env) });
  try {
    const docs = await database.db.selectFrom("library_documents").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    if (docs.n === 0) throw new Error("The library index is empty: run `npx closecall rebuild --db <path>` first.");
    const measures = [
      { name: "search (ranked page of 25 + total)", run: (f: LibraryFilters) => findReports(database.db, f, { column: "relevance", descending: true }, { page: 1, size: 25 }, anonymousViewer) },
      { name: "explorer (search + all facet counts)", run: (f: LibraryFilters) => exploreReports(database.db, f, { column: "relevance", descending: true }, { page: 1, size: 25 }, anonymousViewer) },
    ];
    const report: Record<string, unknown> = { reports: docs.n, runs, loadAverageAtStart: loadavg()[0] };
    if (!values.json) console.log(`Load average at start: ${loadavg().map((l) => l.toFixed(2)).join(", ")} (${cpus().length} cores)`);
    for (const [measure, QUERIES] of measures.flatMap((m) => [[m, SEARCHES], [{ ...m, name: m.name.replace("search", "browse") }, BROWSING]] as const)) {
      const wall = new Map<string, number[]>(QUERIES.map((q) => [q.label, []]));
      const cpu = new Map<string, number[]>(QUERIES.map((q) => [q.label, []]));
      const totals = new Map<string, number>();
      for (const q of QUERIES) totals.set(q.label, (await measure.run({ ...emptyFilters, ...q.filters })).total); // warm-up
      // Round robin over the query set, so that load from other processes falls on every query alike.
      for (let i = 0; i < runs; i++) {
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
          return [q.label, { median: percentile(w, 50), p95: percentile(w, 95), cpuMedian: percentile(c, 50), total: totals.get(q.label)! }];
        }),
      );
      report[measure.name] = { median: percentile(allWall, 50), p95: percentile(allWall, 95), cpuMedian: percentile(allCpu, 50), perQuery };
      report[`${measure.name} loadAverageAtEnd`] = loadavg()[0];
      if (!values.json) {
        console.log(`\n${measure.name} — ${docs.n.toLocaleString("en-US")} reports, ${runs} runs per query (wall clock; CPU = all threads)`);
        for (const [label, r] of Object.entries(perQuery)) {
          console.log(
            `  ${label.padEnd(50)} median ${r.median.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  ` +
              `CPU ${r.cpuMedian.toFixed(1).padStart(6)} ms  ${r.total.toLocaleString("en-US").padStart(9)} matches`,
          );
        }
        console.log(
          `  ${"ALL QUERIES".padEnd(50)} median ${percentile(allWall, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(allWall, 95).toFixed(1).padStart(6)} ms  ` +
            `CPU ${percentile(allCpu, 50).toFixed(1).padStart(6)} ms   (load average now ${loadavg()[0]!.toFixed(2)})`,
        );
      }
    }
    if (values.json) console.log(JSON.stringify(report, null, 2));
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
