// Server CPU per page, split into its parts, in one process without HTTP: what a library page costs
// when nothing is kept (the search and the facet counts, run directly; then the request through Remix
// with its explorer results kept: session, data version, React's rendering, Remix's data serialisation;
// then gzip), so that the HTTP figures can be read. The built app (build/index.js) runs through Remix's
// request handler as the server runs it, with React's production build; the page cache (an Express
// layer in front of Remix) is not involved.
//   npx tsx tests/bench/page-cost.ts --db /tmp/perf-1m [--runs 20]
// CPU is the whole process's (every thread: DuckDB's workers too), per call, median of the runs.
import { gzipSync } from "node:zlib";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { ServerBuild } from "@remix-run/node";
import { resolveDatabasePath } from "../../cli/database-path";
import { readConfig } from "../../orchestration/config";
import type { AppContext } from "../../app/load-context";
import { exploreReports, findReports } from "../../db/library/explore-reports";
import { emptyFilters, type LibraryFilters } from "../../domain/library-query";
import { anonymousViewer } from "../../db/library/published-columns";
import { openDatabase } from "../../db/open";
import { embeddedDeployment } from "../../orchestration/deployment";
import { percentile } from "./stats";

const root = path.resolve(import.meta.dirname, "../..");

export interface PageCost {
  page: string;
  path: string;
  /** Median CPU ms of each part: the search, the facet counts, the request with its results kept. */
  search: number | null;
  facets: number | null;
  render: number;
  /** search + facets + render: a page whose results are not kept yet. */
  nothingKept: number;
  gzip: number;
  htmlKiB: number;
  gzipKiB: number;
}

const PAGES: { page: string; path: string; filters: Partial<LibraryFilters> | null }[] = [
  { page: "Report library, first page", path: "/reports", filters: {} },
  { page: "Report library, search 'traffic stop'", path: "/reports?q=traffic+stop", filters: { q: "traffic stop" } },
  { page: "Report form", path: "/report", filters: null },
];

async function cpuMs(run: () => Promise<unknown>, runs: number): Promise<number> {
  await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  return percentile(
    samples.sort((a, b) => a - b),
    50,
  );
}

export async function measurePageCosts(dbFile: string, runs: number, log: (line: string) => void): Promise<PageCost[]> {
  process.env.NODE_ENV = "production"; // React's production build, as the server runs it
  const { createRequestHandler } = await import("@remix-run/node");
  const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  const database = await openDatabase({ location: dbFile });
  const config = readConfig({ NODE_ENV: "production", DATA_DIR: path.dirname(dbFile) });
  const deployment = embeddedDeployment(database.db);
  const context: AppContext = { db: database.db, analytics: database.db, deployment, config, cspNonce: "bench-nonce" };
  const costs: PageCost[] = [];
  try {
    for (const p of PAGES) {
      const filters = p.filters && { ...emptyFilters, ...p.filters };
      const sort = { column: filters?.q ? "relevance" : "published", descending: true } as const;
      const page = { page: 1, size: 25 };
      const search = filters
        ? await cpuMs(() => findReports(database.db, filters, sort, page, anonymousViewer), runs)
        : null;
      const explore = filters
        ? await cpuMs(() => exploreReports(database.db, filters, sort, page, anonymousViewer), runs)
        : null;
      let html = "";
      const render = await cpuMs(async () => {
        const response = await handler(new Request(`http://localhost${p.path}`, { headers: { accept: "text/html" } }), {
          ...context,
        });
        html = await response.text();
      }, runs);
      const bytes = Buffer.from(html);
      const gzip = await cpuMs(async () => gzipSync(bytes, { level: 1 }), runs);
      const cost: PageCost = {
        page: p.page,
        path: p.path,
        search,
        facets: explore !== null && search !== null ? explore - search : null,
        render,
        nothingKept: (explore ?? 0) + render,
        gzip,
        htmlKiB: bytes.length / 1024,
        gzipKiB: gzipSync(bytes, { level: 1 }).length / 1024,
      };
      costs.push(cost);
      const f = (n: number | null) => (n === null ? "    –" : n.toFixed(1).padStart(5));
      log(
        `${p.page.padEnd(40)} search ${f(cost.search)}  facets ${f(cost.facets)}  request with results ` +
          `kept ${f(cost.render)}  ` +
          `= nothing kept ${f(cost.nothingKept)}; gzip level 1 ${f(cost.gzip)} ms CPU; ${cost.htmlKiB.toFixed(0)} ` +
          `KiB, ${cost.gzipKiB.toFixed(0)} KiB gzip`,
      );
    }
  } finally {
    await database.close();
  }
  return costs;
}

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" }, runs: { type: "string" } } });
  await measurePageCosts(resolveDatabasePath(values.db, process.env), Number(values.runs ?? 20), console.log);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
