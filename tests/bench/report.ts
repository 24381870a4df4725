import { ALL_MEASURES } from "./analytics";
import { type HttpRun, LIBRARY_SEARCH_PATH, throughputRatios } from "./http-load";
import type { BenchResult } from "./result";
import { SEARCH_FIGURE } from "./search";
import { ms } from "./stats";

const n = (value: number) => value.toLocaleString("en-US");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");

let scale = "";

function verdict(met: boolean | null): string {
  return met === null ? "not measured" : `${met ? "met" : "**missed**"}${scale}`;
}

function loadCpu(r: BenchResult): string {
  const cpu = r.load?.phases.find((p) => p.name === "generate and load reports")?.cpuSeconds;
  return cpu === undefined ? "" : `, ${cpu.toFixed(1)} CPU s`;
}

/** Pages a second, p50 and p95 of one page at 50 clients. */
function pageFigures(run: HttpRun | undefined): string {
  return run
    ? `${run.throughput.toFixed(0)} pages/s, p50 ${run.p50.toFixed(0)} ms, p95 ${run.p95.toFixed(0)} ` +
        `ms, ${run.errors} errors`
    : "not measured";
}

/** The docs/design.md §9 targets next to this run's figures. */
function targets(r: BenchResult): string {
  // The targets are for 1,000,000 reports: at another size a verdict says at which.
  scale = r.settings.reports === 1_000_000 ? "" : ` (at ${n(r.settings.reports)} reports)`;
  const large = r.analytics?.dashboards.find((d) => d.title.includes("large agency"));
  const cached = large?.measures.find((m) => m.measure === ALL_MEASURES);
  const search = r.search?.measures.find((m) => m.name === SEARCH_FIGURE);
  const dashboardHttp = r.http?.runs.find((x) => x.path === "/agency" && x.connections === 50);
  const libraryHttp = r.http?.runs.find((x) => x.path === "/reports" && x.connections === 50);
  const searchHttp = r.http?.runs.find((x) => x.path === LIBRARY_SEARCH_PATH && x.connections === 50);
  const formHttp = r.http?.runs.find((x) => x.path === "/report" && x.connections === 50);
  const lost = r.durability?.phases.reduce((s, p) => s + p.lost, 0);
  const scaleOutRatios =
    r.http && r.scaleOut ? throughputRatios(r.http.runs, r.scaleOut.runs).filter((x) => x.connections === 50) : [];
  const [sameTables, published] = r.postgres?.layouts ?? [];
  const rows: (string | number)[][] = [
    [
      `Synthetic load of ${n(r.settings.reports)} reports (target for 1,000,000: ≤ 20 s)`,
      r.load
        ? `${r.load.loadSeconds.toFixed(1)} s${loadCpu(r)} (search index and rollups: ${r.load.phases
            .filter((p) => p.name.startsWith("rebuild"))
            .map((p) => `${p.seconds.toFixed(1)} s`)
            .join(" + ")}; peak ${n(r.load.peakRssMiB)} MiB)`
        : "not run (reused data)",
      r.load ? verdict(r.load.loadSeconds <= 20) : verdict(null),
    ],
    [
      "All panels of one agency dashboard, large agency, server side, from its release book (≤ 50 ms median)",
      cached ? `${ms(cached.median)} ms median, p95 ${ms(cached.p95)} ms (CPU median ${ms(cached.cpuMedian)} ms)` : "–",
      cached ? verdict(cached.median <= 50) : verdict(null),
    ],
    [
      "Same dashboard queries on PostgreSQL 15 with indexes (Close Call ≥ 10× faster)",
      sameTables && published
        ? `${published.overallRatio.toFixed(1)}× against PostgreSQL over the published ` +
          `tables; ${sameTables.overallRatio.toFixed(1)}× when PostgreSQL is given Close Call's own rollup ` +
          `tables (results ${r.postgres!.allEqual ? "equal" : "DIFFER"})`
        : `not run: ${r.postgres?.reason ?? "–"}`,
      sameTables && published
        ? published.overallRatio >= 10 && sameTables.overallRatio >= 10
          ? verdict(true)
          : published.overallRatio >= 10
            ? `met against the published tables; **missed** on identical rollup tables${scale}`
            : verdict(false)
        : verdict(null),
    ],
    [
      "Full-text search (≤ 100 ms median)",
      search ? `${ms(search.median)} ms median, p95 ${ms(search.p95)} ms (CPU median ${ms(search.cpuMedian)} ms)` : "–",
      search ? verdict(search.median <= 100) : verdict(null),
    ],
    [
      "Dashboard page under 50 concurrent clients (p95 ≤ 500 ms, zero errors)",
      dashboardHttp
        ? `p95 ${dashboardHttp.p95.toFixed(0)} ms, ${dashboardHttp.errors} errors`
        : "agency dashboard not on this branch (slot ready: /agency)" +
          (libraryHttp
            ? `; report library instead: p95 ${libraryHttp.p95.toFixed(0)} ms, ${libraryHttp.errors} errors`
            : ""),
      dashboardHttp ? verdict(dashboardHttp.p95 <= 500 && dashboardHttp.errors === 0) : verdict(null),
    ],
    [
      "Library search page under 50 concurrent clients (p95 ≤ 500 ms, zero errors)",
      searchHttp
        ? `${pageFigures(searchHttp)}; library first page ${pageFigures(libraryHttp)}; report ` +
          `form ${pageFigures(formHttp)}`
        : "–",
      searchHttp ? verdict(searchHttp.p95 <= 500 && searchHttp.errors === 0) : verdict(null),
    ],
    [
      "Report submission under load: acknowledged submissions lost, also across kill -9 and restart (0)",
      r.durability
        ? r.durability.phases.map((p) => `${p.name}: ${p.lost} lost of ${n(p.acknowledged)}`).join("; ")
        : "–",
      lost === undefined ? verdict(null) : verdict(lost === 0),
    ],
    [
      "PostgreSQL with 2 workers: pages/s of one embedded process, 50 clients (issue 18: ≥ 1.6×)",
      scaleOutRatios.length
        ? scaleOutRatios.map((x) => `${x.target} ${x.ratio.toFixed(2)}×`).join("; ") +
          `; publication to visible on every worker ${r
            .scaleOut!.publicationToVisibleMs.map((v) => `${(v / 1000).toFixed(1)} s`)
            .join(", ")}`
        : "not run (quick runs leave it out)",
      scaleOutRatios.length ? verdict(scaleOutRatios.every((x) => x.ratio >= 1.6)) : verdict(null),
    ],
    [
      "Client JavaScript for a dashboard page (≤ 350 KB gzip)",
      "not measured by this benchmark (the dashboard's bundle test)",
      verdict(null),
    ],
    [
      "Release book: audit of one quarter for all partner agencies (issue 14: ≤ 60 s)",
      r.releaseBook
        ? `slowest quarter ${r.releaseBook.slowestSeconds.toFixed(1)} s ` +
          `(${r.releaseBook.quarters.map((q) => `${q.quarter} ${q.seconds.toFixed(1)} s`).join(", ")})`
        : "–",
      r.releaseBook ? verdict(r.releaseBook.slowestSeconds <= 60) : verdict(null),
    ],
  ];
  return table(["docs/design.md §9 target", "This run", "Verdict"], rows);
}

export function renderMarkdown(r: BenchResult): string {
  const m = r.machine;
  const out: string[] = [
    `# Close Call benchmark — ${n(r.settings.reports)} reports${r.settings.quick ? " (quick)" : ""}`,
    "",
    `Run ${r.startedAt} → ${r.finishedAt}, commit ${m.closecallCommit}. Reproduce with \`npm run bench -- ` +
      `--reports ${r.settings.reports}${r.settings.quick ? " --quick" : ""}\` (seed ${r.settings.seed}).`,
    "",
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB (${m.freeMemoryGiB} GiB free at ` +
      `start), ${m.os}; Node ${m.node}; ${r.duckdbVersion} (${m.duckdb}); ${m.postgres ?? "PostgreSQL not run"}.`,
    `Sections (wall time; 1-minute load average at their ` +
      `start): ${r.sections.map((l) => `${l.section} ${l.seconds} s (${l.loadAverage[0]})`).join(", ")} — other ` +
      `work shares this machine, so compare ratios measured in one run.`,
    "",
    "## Targets",
    "",
    targets(r),
    "",
  ];
  if (r.errors.length)
    out.push("## Errors", "", ...r.errors.map((e) => `- **${e.section}**: \`${e.message.split("\n")[0]}\``), "");

  if (r.load) {
    out.push(
      "## 1. Load",
      "",
      `Generate and load ${n(r.load.reports)} reports (${n(r.load.reportFactors)} factor ` +
        `rows, ${n(r.load.agencies)} agencies, demo accounts) in a child process; wall time of the whole ` +
        `child ${r.load.totalSeconds.toFixed(1)} s.`,
      "",
    );
    out.push(
      table(
        ["Phase", "Seconds", "CPU seconds (all threads)", "Peak memory so far (MiB)"],
        r.load.phases.map((p) => [p.name, p.seconds.toFixed(1), p.cpuSeconds?.toFixed(1) ?? "–", n(p.peakRssMiB)]),
      ),
      "",
    );
  }

  if (r.analytics) {
    out.push(
      "## 2. Analytics (server side)",
      "",
      `${n(r.analytics.reports)} reports, ${r.analytics.runs} runs after ${r.analytics.warmup} warm-up runs, k ` +
        `= ${r.analytics.k}. "No national cache" is the first viewer after a publication (national aggregates ` +
        `are cached per rollup version).`,
      "",
    );
    for (const d of r.analytics.dashboards) {
      out.push(
        `### ${d.title}`,
        "",
        table(
          ["Measure", "Median (ms)", "p95 (ms)", "CPU median (ms)", "JSON (KiB)"],
          d.measures.map((x) => [x.measure, ms(x.median), ms(x.p95), ms(x.cpuMedian), x.jsonKiB]),
        ),
        "",
      );
    }
  }

  if (r.postgres) {
    out.push("## 3. Versus PostgreSQL", "");
    if (!r.postgres.available) out.push(`Not run: ${r.postgres.reason}`, "");
    else {
      const p = r.postgres;
      out.push(
        `${p.version} in a private cluster (settings: ${Object.entries(p.settings ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(
            ", ",
          )}), loaded from CSV files exported from Close Call's DuckDB file in ${p.exportSeconds?.toFixed(1)} s. ` +
          "Every SQL statement each dashboard runs is captured from getDashboard with nothing cached, and runs " +
          "unchanged but for dialect names (enum_code, year/month, list_position → a join WITH ORDINALITY) on " +
          "both engines, alternately. " +
          "The ratio is PostgreSQL's median over DuckDB's (DuckDB through Close Call's Kysely dialect, PostgreSQL " +
          "through `pg`); rows are compared for every statement.",
        "",
      );
      for (const layout of p.layouts ?? []) {
        out.push(
          `### PostgreSQL with ${layout.name}: Close Call ${layout.overallRatio.toFixed(1)}× faster overall; ` +
            `results ${layout.allEqual ? "equal for every statement" : "**DIFFER**"}`,
          "",
          `${layout.description}. COPY ${layout.load.copySeconds.toFixed(1)} s, ` +
            `indexes ${layout.load.indexSeconds.toFixed(1)} s, VACUUM ` +
            `ANALYZE ${layout.load.analyzeSeconds.toFixed(1)} s, ${n(layout.load.sizeMiB)} MiB; ${layout.runs} ` +
            `timed rounds.`,
          "",
        );
        for (const d of layout.dashboards) {
          out.push(
            `#### ${d.title}: ${d.ratio.toFixed(1)}× (DuckDB ${ms(d.duckdbTotal)} ms, ` +
              `PostgreSQL ${ms(d.postgresTotal)} ms, Σ of medians)`,
            "",
          );
          out.push(
            table(
              ["Statement", "Rows", "DuckDB median (ms)", "PostgreSQL median (ms)", "Ratio", "Results"],
              d.queries.map((q) => [
                q.label,
                n(q.rows),
                ms(q.duckdb.median),
                ms(q.postgres.median),
                `${q.ratio.toFixed(1)}×`,
                q.equal ? "equal" : "**differ**",
              ]),
            ),
            "",
          );
        }
      }
    }
  }

  if (r.search) {
    out.push(
      "## 4. Search (server side)",
      "",
      `${n(r.search.reports)} published narratives, ${r.search.runs} runs per query, round robin.`,
      "",
    );
    for (const s of r.search.measures) {
      out.push(`### ${s.name}: median ${ms(s.median)} ms, p95 ${ms(s.p95)} ms`, "");
      out.push(
        table(
          ["Query", "Median (ms)", "p95 (ms)", "CPU median (ms)", "Matches"],
          Object.entries(s.perQuery).map(([label, q]) => [label, ms(q.median), ms(q.p95), ms(q.cpuMedian), n(q.total)]),
        ),
        "",
      );
    }
  }

  if (r.http) {
    out.push(
      "## 5. HTTP under load",
      "",
      `The built server (\`node scripts/start.mjs\`, NODE_ENV=production with --demo) on the same data; ` +
        `autocannon in the benchmark's process on the same 2 cores, gzip accepted like a ` +
        `browser, ${r.settings.httpSeconds} s per run, longer for a slow page (until each client has had about ` +
        `three answers, at most 60 s). Errors: non-2xx answers, connection errors and timeouts (30 s). Each run ` +
        `ends with one request in flight per client, not counted (\`unfinished\` in the JSON). Server CPU: the ` +
        `server process's CPU time over the run (every thread, DuckDB's too) per answered request. Library ` +
        `pages are kept rendered per address, data version and viewer (server/page-cache): these runs repeat ` +
        `one address, so after its first answer they measure the kept page.`,
      "",
    );
    out.push(
      table(
        [
          "Page",
          "Clients",
          "Seconds",
          "Requests/s",
          "p50 (ms)",
          "p95 (ms)",
          "p99 (ms)",
          "Errors",
          "Mean KiB",
          "Server CPU (ms/page)",
        ],
        r.http.runs.map((x) => [
          `${x.target} \`${x.path}\``,
          x.connections,
          x.seconds,
          x.throughput.toFixed(1),
          x.p50.toFixed(0),
          x.p95.toFixed(0),
          x.p99.toFixed(0),
          x.errors,
          x.meanKiB.toFixed(1),
          x.serverCpuMs?.toFixed(1) ?? "–",
        ]),
      ),
      "",
    );
    for (const s of r.http.skipped) out.push(`- Not measured: ${s.target} \`${s.path}\` — ${s.reason}.`);
    out.push("");
  }

  if (r.scaleOut) {
    const ratios = r.http ? throughputRatios(r.http.runs, r.scaleOut.runs) : [];
    out.push(
      `## 5b. Scale-out: PostgreSQL, ${r.scaleOut.workers} workers`,
      "",
      `The same data moved into a throw-away PostgreSQL 15 (fsync on) in ${r.scaleOut.moveSeconds.toFixed(1)} s; ` +
        `\`npm start -- --workers ${r.scaleOut.workers}\` on it, every worker ready (its analytics copy built) in ` +
        `${r.scaleOut.startSeconds.toFixed(1)} s; the same pages, clients and seconds as section 5, on the same ` +
        "cores as the load generator and PostgreSQL. Publication to visible: a report published in PostgreSQL " +
        "(by this process, as another node would) until every worker serves its page: " +
        `${r.scaleOut.publicationToVisibleMs.map((v) => `${v.toFixed(0)} ms`).join(", ")}.`,
      "",
      table(
        ["Page", "Clients", "Requests/s", "p50 (ms)", "p95 (ms)", "p99 (ms)", "Errors", "× embedded"],
        r.scaleOut.runs.map((x) => [
          `${x.target} \`${x.path}\``,
          x.connections,
          x.throughput.toFixed(1),
          x.p50.toFixed(0),
          x.p95.toFixed(0),
          x.p99.toFixed(0),
          x.errors,
          ratios.find((q) => q.target === x.target && q.connections === x.connections)?.ratio.toFixed(2) ?? "–",
        ]),
      ),
      "",
    );
  }

  if (r.durability) {
    out.push(
      "## 6. Submission durability",
      "",
      `Simulated officers post the real form (review; proof of work solved like the browser, ` +
        `difficulty: ${r.durability.powCounter}; send), each from its own loopback address (127.x.y.z), so ` +
        `per-address caps count each officer once; the server is unchanged, production caps included: a server ` +
        `process takes at most 120 submissions an hour, so the officers start no more than 120 on one process ` +
        `(a phase that reaches it ends early, marked "at cap"). After each phase the server stops and every ` +
        `acknowledged receipt is looked up in the database with the receipt page's function and its text ` +
        `decrypted and compared.`,
      "",
      table(
        [
          "Phase",
          "Clients × s",
          "Attempted",
          "Acknowledged",
          "Capped (429)",
          "Failed (connection)",
          "Send p50 / p95 (ms)",
          "Lost",
          "Stored, not acknowledged",
          "Kill",
        ],
        r.durability.phases.map((p) => [
          p.name,
          `${p.clients} × ${p.seconds}${p.stoppedAtCap ? " (at cap)" : ""}`,
          p.attempted,
          p.acknowledged,
          p.capped,
          p.failed,
          `${p.submitLatency.median.toFixed(0)} / ${p.submitLatency.p95.toFixed(0)}`,
          `**${p.lost}**`,
          p.storedUnacknowledged,
          p.kill
            ? `SIGKILL at ${p.kill.atSeconds.toFixed(1)} s (${p.kill.acknowledgedBefore} acknowledged ` +
              `before, ${p.kill.inFlight} in flight), restart ${p.kill.restartSeconds.toFixed(1)} s`
            : "–",
        ]),
      ),
      "",
    );
  }
  if (r.releaseBook) {
    const b = r.releaseBook;
    out.push(
      "## 7. Release book",
      "",
      `Every partner agency's book (docs/design.md §6.1), k = ${b.k}, minimum ${b.agencyMinReports} ` +
        `reports: ${b.year - 1} released at once (a new book's history) in ${b.backfillSeconds.toFixed(1)} s, ` +
        `then ${b.year} quarter by quarter as the release job does it (each audited by linear programming ` +
        `against the quarters released before; the year released with its fourth quarter). Target: one quarter ` +
        `for all partner agencies ≤ 60 s — slowest here **${b.slowestSeconds.toFixed(1)} s**.`,
      "",
      table(
        ["Release", "Agencies", "Seconds", "Linear programs", "Audit threads", "Cells withheld to protect others"],
        b.quarters.map((q) => [
          q.quarter.endsWith("Q4") ? `${q.quarter} and ${q.quarter.slice(0, 4)}` : q.quarter,
          n(q.agencies),
          q.seconds.toFixed(1),
          n(q.lpSolves),
          String(q.threads),
          n(q.complements),
        ]),
      ),
      "",
      "Utility for the large demo agencies: factor-by-year cells released, of the factors cited at least k times " +
        "that year (and of those whose count-only part alone reaches k, which only complementary suppression " +
        "can withhold).",
      "",
      table(
        ["Agency", "Year", "Reports", "Released / cited ≥ k", "Released / count-only ≥ k"],
        b.utility.flatMap((u) =>
          u.years.map((y) => [
            u.agency,
            y.year,
            y.reports === null ? "withheld" : n(y.reports),
            `${y.released} / ${y.citedAtLeastK}`,
            `${y.releasedOfEligible} / ${y.primaryEligible}`,
          ]),
        ),
      ),
      "",
      ...b.utility.map(
        (u) =>
          `- ${u.agency}: its top five factors year by year, ${u.topFive.released} of ${u.topFive.cells} cells ` +
          `released; quarterly totals ${u.quarters.released} of ${u.quarters.total}.`,
      ),
      "",
    );
  }
  return `${out.join("\n")}\n`;
}
