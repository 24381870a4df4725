import type { DuckDBInstance } from "@duckdb/node-api";
import { CompiledQuery, Kysely, type LogEvent } from "kysely";
import type pg from "pg";
import { getDashboard } from "../../../analytics/get-dashboard";
import type { AnalyticsFilters } from "../../../analytics/filters";
import { DEFAULT_PRIVACY_RULES } from "../../../analytics/privacy/rules";
import { setNationalCache } from "../../../analytics/source";
import type { Viewer } from "../../../analytics/viewer";
import type { Database, Executor } from "../../../db/database";
import { DuckDBDialect } from "../../../db/dialect/duckdb-dialect";
import { summarise } from "../stats";

export interface CapturedQuery {
  label: string;
  duckdb: string;
  postgres: string;
  parameters: readonly unknown[];
}

/**
 * Every SQL statement one dashboard runs, as Close Call runs it: getDashboard on a logging Kysely over
 * the same DuckDB instance, with the national cache off so that the national queries run too. Taking the
 * queries from the code (not a copy of them) keeps the comparison in step with the analytics module.
 */
export async function captureDashboardQueries(
  instance: DuckDBInstance,
  filters: AnalyticsFilters,
  viewer: Viewer,
): Promise<CapturedQuery[]> {
  const seen: CompiledQuery[] = [];
  const logging = new Kysely<Database>({
    dialect: new DuckDBDialect({ instance }),
    log: (event: LogEvent) => void (event.level === "query" && seen.push(event.query)),
  });
  setNationalCache(false);
  try {
    await getDashboard(logging, filters, viewer, DEFAULT_PRIVACY_RULES);
  } finally {
    setNationalCache(true);
    await logging.destroy();
  }
  const unique = new Map<string, CapturedQuery>();
  for (const q of seen) {
    const key = `${q.sql}|${JSON.stringify(q.parameters)}`;
    if (!unique.has(key))
      unique.set(key, { label: labelOf(q.sql), duckdb: q.sql, postgres: toPostgres(q.sql), parameters: q.parameters });
  }
  return [...unique.values()];
}

/**
 * The same statement in PostgreSQL's dialect. The differences are names only: enum_code(col) is the
 * SMALLINT column itself (see pg-dataset.ts), year()/month() are extract(), list_position is
 * array_position, DOUBLE and VARCHAR are double precision and text.
 */
export function toPostgres(duckdbSql: string): string {
  return funnelJoin(duckdbSql)
    .replace(/enum_code\(("?\w+"?)\)/g, "$1")
    .replace(/\byear\((\w+)\)/g, "extract(year from $1)::int")
    .replace(/\bmonth\((\w+)\)/g, "extract(month from $1)::int")
    .replace(/\blist_position\(/g, "array_position(")
    .replace(/::DOUBLE\b/g, "::double precision")
    .replace(/::VARCHAR\b/g, "::text");
}

/**
 * The funnel numbers agencies by their position in a list. PostgreSQL's array_position scans the list
 * for every row (~1,500 agencies × a million rows); its idiom is a join with the list unnested WITH
 * ORDINALITY, grouped by that position (one per agency, the list holding each agency once).
 */
function funnelJoin(text: string): string {
  const position = /list_position\((\$\d+)::UUID\[\], agency_id\)::INTEGER - 1 AS agency/;
  const list = text.match(position)?.[1];
  if (!list) return text;
  return text
    .replace(position, "(listed.ord - 1)::INTEGER AS agency")
    .replace(
      /FROM analytics_report_factors\s+WHERE/,
      `FROM analytics_report_factors JOIN unnest(${list}::uuid[]) WITH ORDINALITY AS listed(id, ord)
          ON listed.id = agency_id WHERE`,
    )
    .replace(/GROUP BY agency_id, factor_code/, "GROUP BY listed.ord, factor_code");
}

/** A short name for a statement: its table, grouping and whose reports it reads. */
export function labelOf(sqlText: string): string {
  const flat = sqlText.replace(/\s+/g, " ");
  const table = flat.match(/FROM "?(\w+)"?/)?.[1] ?? "?";
  const groupBy = flat
    .match(/GROUP BY (.+?)(?:$| ORDER| LIMIT)/)?.[1]
    ?.replaceAll('"', "")
    .replaceAll(", ", " × ");
  const who = /agency_id = \$/.test(flat)
    ? "one agency"
    : /agency_id IS NOT NULL/.test(flat)
      ? "every linked agency"
      : /FROM "?analytics/.test(flat)
        ? "nation"
        : "";
  const what = /max\(/.test(flat)
    ? "latest month"
    : groupBy
      ? `by ${groupBy}`
      : /count\(DISTINCT/.test(flat)
        ? "distinct agencies"
        : /count\(\*\)|sum\(/.test(flat)
          ? "total"
          : "lookup";
  return [table, what, who].filter(Boolean).join(", ");
}

/** Rows in a comparable form: keys sorted, rows sorted, numbers as numbers. */
export function canonicalRows(rows: readonly Record<string, unknown>[]): string[] {
  return rows
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((key) => {
            const value = row[key];
            if (typeof value === "bigint") return [key, Number(value)];
            if (value instanceof Date) return [key, value.toISOString()];
            return [key, value];
          }),
      ),
    )
    .sort();
}

export interface QueryComparison {
  label: string;
  rows: number;
  equal: boolean;
  duckdb: { median: number; p95: number };
  postgres: { median: number; p95: number };
  /** PostgreSQL median ÷ DuckDB median: how many times faster Close Call's engine answered. */
  ratio: number;
}

export interface DashboardComparison {
  title: string;
  queries: QueryComparison[];
  /** Σ of per-query medians: the dashboard's queries run one after another. */
  duckdbTotal: number;
  postgresTotal: number;
  ratio: number;
  allEqual: boolean;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/**
 * Runs each captured statement on DuckDB (through the app's Kysely dialect) and on PostgreSQL (pg),
 * alternating them so that noise from other work on the machine falls on both alike; checks that both
 * return the same rows.
 */
export async function compareDashboard(
  db: Executor,
  client: pg.Client,
  title: string,
  queries: readonly CapturedQuery[],
  options: { runs: number; warmup: number },
): Promise<DashboardComparison> {
  const duck = (q: CapturedQuery) =>
    db.executeQuery(CompiledQuery.raw(q.duckdb, [...q.parameters])).then((r) => r.rows as Record<string, unknown>[]);
  const post = (q: CapturedQuery) =>
    client.query({ text: q.postgres, values: [...q.parameters] }).then((r) => r.rows as Record<string, unknown>[]);
  const samples = queries.map(() => ({ duck: [] as number[], pg: [] as number[] }));
  const equal: boolean[] = [];
  const rowCounts: number[] = [];
  for (const [i, q] of queries.entries()) {
    const [a, b] = [canonicalRows(await duck(q)), canonicalRows(await post(q))];
    equal[i] = a.length === b.length && a.every((row, j) => row === b[j]);
    rowCounts[i] = a.length;
  }
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (const [i, q] of queries.entries()) {
      const [, d] = await timed(() => duck(q));
      const [, p] = await timed(() => post(q));
      if (round >= options.warmup) {
        samples[i]!.duck.push(d);
        samples[i]!.pg.push(p);
      }
    }
  }
  const comparisons = queries.map((q, i): QueryComparison => {
    const d = summarise(samples[i]!.duck);
    const p = summarise(samples[i]!.pg);
    return {
      label: q.label,
      rows: rowCounts[i]!,
      equal: equal[i]!,
      duckdb: { median: d.median, p95: d.p95 },
      postgres: { median: p.median, p95: p.p95 },
      ratio: p.median / d.median,
    };
  });
  const duckdbTotal = comparisons.reduce((s, c) => s + c.duckdb.median, 0);
  const postgresTotal = comparisons.reduce((s, c) => s + c.postgres.median, 0);
  return {
    title,
    queries: comparisons,
    duckdbTotal,
    postgresTotal,
    ratio: postgresTotal / duckdbTotal,
    allEqual: equal.every(Boolean),
  };
}
