import pg from "pg";
import { benchViews } from "../analytics";
import type { OpenDatabase } from "../../../db/open";
import { captureDashboardQueries, compareDashboard, type CapturedQuery, type DashboardComparison } from "./pg-compare";
import { LAYOUTS, loadIntoPostgres, type PgLoadResult } from "./pg-dataset";
import { startPostgres, type PgServer } from "./pg-server";

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

export interface PostgresOptions {
  /** CSV files written by exportForPostgres. */
  csvDir: string;
  exportSeconds: number;
  /** An empty folder for the throw-away cluster, reachable by the `postgres` user. */
  clusterDir: string;
  runs: number;
  warmup: number;
}

/**
 * Section 3: PostgreSQL 15 in a private cluster, the data loaded in each layout of pg-dataset.ts, and
 * every statement of the three benchmark dashboards compared with DuckDB (times and rows).
 */
export async function runPostgresComparison(
  database: OpenDatabase,
  options: PostgresOptions,
  log: (line: string) => void,
): Promise<PostgresResult> {
  let server: PgServer | undefined;
  try {
    server = await startPostgres(options.clusterDir, log);
    const layouts: PostgresLayoutResult[] = [];
    const queries = new Map<string, CapturedQuery[]>();
    // The agency dashboards read their release books (a few rows): only the national view has SQL to compare.
    const views = (await benchViews(database.db)).filter((v) => v.viewer.kind === "national");
    for (const view of views)
      queries.set(view.title, await captureDashboardQueries(database.instance, view.filters, view.viewer));
    for (const [i, layout] of LAYOUTS.entries()) {
      const admin = new pg.Client(server.connection);
      await admin.connect();
      await admin.query(`CREATE DATABASE bench_${i}`);
      await admin.end();
      const c = new pg.Client({ ...server.connection, database: `bench_${i}` });
      await c.connect();
      try {
        const loaded = await loadIntoPostgres(c, options.csvDir, layout);
        log(
          `\n${layout.name}: COPY ${loaded.copySeconds.toFixed(1)} s, indexes ${loaded.indexSeconds.toFixed(1)} ` +
            `s, VACUUM ANALYZE ${loaded.analyzeSeconds.toFixed(1)} s, ${loaded.sizeMiB} MiB`,
        );
        // Without the rollups PostgreSQL needs seconds per dashboard: fewer rounds.
        const rounds =
          i === 0
            ? { runs: options.runs, warmup: options.warmup }
            : { runs: Math.max(1, Math.ceil(options.runs / 3)), warmup: Math.min(1, options.warmup) };
        const dashboards: DashboardComparison[] = [];
        for (const view of views) {
          const compared = await compareDashboard(database.db, c, view.title, queries.get(view.title)!, rounds);
          dashboards.push(compared);
          log(
            `${view.title}: ${compared.queries.length} queries, DuckDB ${compared.duckdbTotal.toFixed(1)} ms, ` +
              `PostgreSQL ${compared.postgresTotal.toFixed(1)} ms, ` +
              `ratio ${compared.ratio.toFixed(1)}×${compared.allEqual ? "" : "  RESULTS DIFFER"}`,
          );
          for (const q of compared.queries) {
            log(
              `  ${q.label.padEnd(70)} DuckDB ${q.duckdb.median.toFixed(1).padStart(7)} ms  ` +
                `PostgreSQL ${q.postgres.median.toFixed(1).padStart(7)} ` +
                `ms  ${q.ratio.toFixed(1).padStart(6)}×  ${q.equal ? "equal" : "DIFFERENT"} (${q.rows} rows)`,
            );
          }
        }
        const sumDuck = dashboards.reduce((sum, d) => sum + d.duckdbTotal, 0);
        const sumPg = dashboards.reduce((sum, d) => sum + d.postgresTotal, 0);
        const allEqual = dashboards.every((d) => d.allEqual);
        log(
          `${layout.name} overall: PostgreSQL ÷ DuckDB = ${(sumPg / sumDuck).toFixed(1)}×; ` +
            `results ${allEqual ? "equal" : "DIFFER"}`,
        );
        layouts.push({
          name: layout.name,
          description: layout.description,
          runs: rounds.runs,
          load: loaded,
          dashboards,
          allEqual,
          overallRatio: sumPg / sumDuck,
        });
      } finally {
        await c.end();
      }
    }
    return {
      available: true,
      version: server.version,
      settings: server.settings,
      exportSeconds: options.exportSeconds,
      layouts,
      allEqual: layouts.every((l) => l.allEqual),
    };
  } finally {
    await server?.stop();
  }
}
