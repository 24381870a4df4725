import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";

/**
 * The tables a dashboard reads, as PostgreSQL holds them: the same rows as Close Call's DuckDB file.
 * DuckDB's ENUM columns become SMALLINT codes (the ENUM's ordinal, which the dashboard queries read
 * with enum_code()) — the usual lookup-code layout for a fact table in PostgreSQL, and its fastest.
 */
interface TableSpec {
  name: string;
  columns: [name: string, pgType: string, duckExpression?: string][];
  indexes: string[];
}

const code = (column: string, notNull = true): [string, string, string] => [column, `smallint${notNull ? " NOT NULL" : ""}`, `enum_code(${column})`];
const reportColumns: TableSpec["columns"] = [
  ["report_id", "uuid NOT NULL"], ["event_month", "date NOT NULL"], code("incident_type"), code("loss_potential"),
  code("census_region"), code("light", false), code("assignment", false), ["agency_id", "uuid"], code("agency_size_band", false),
  ["factor_mask", "bigint NOT NULL"],
];

export const PG_TABLES: TableSpec[] = [
  {
    name: "agencies",
    columns: [["id", "uuid PRIMARY KEY"], ["name", "text NOT NULL"], ["state", "text NOT NULL"], ["census_region", "text NOT NULL"], ["size_band", "text NOT NULL"], ["status", "text NOT NULL"]],
    indexes: ["CREATE INDEX ON agencies (name)"],
  },
  { name: "app_meta", columns: [["key", "text PRIMARY KEY"], ["value", "text NOT NULL"]], indexes: [] },
  {
    name: "analytics_reports",
    columns: reportColumns,
    indexes: ["CREATE INDEX ON analytics_reports (agency_id, event_month)", "CREATE INDEX ON analytics_reports (event_month)"],
  },
  {
    name: "analytics_report_factors",
    columns: [...reportColumns, code("factor_code")],
    indexes: ["CREATE INDEX ON analytics_report_factors (agency_id, event_month)", "CREATE INDEX ON analytics_report_factors (event_month)"],
  },
  {
    name: "analytics_cube_reports",
    columns: [["event_month", "date NOT NULL"], code("census_region"), code("incident_type"), code("loss_potential"), ["reports", "integer NOT NULL"]],
    indexes: ["CREATE INDEX ON analytics_cube_reports (event_month)"],
  },
  {
    name: "analytics_cube_factors",
    columns: [["event_month", "date NOT NULL"], code("census_region"), code("incident_type"), code("loss_potential"), code("factor_code"), ["reports", "integer NOT NULL"]],
    indexes: ["CREATE INDEX ON analytics_cube_factors (event_month)"],
  },
  {
    name: "analytics_month_factors",
    columns: [["event_month", "date NOT NULL"], code("census_region"), code("factor_code"), ["reports", "integer NOT NULL"]],
    indexes: ["CREATE INDEX ON analytics_month_factors (event_month)"],
  },
  {
    name: "analytics_month_loss_factors",
    columns: [["event_month", "date NOT NULL"], code("loss_potential"), code("factor_code"), ["reports", "integer NOT NULL"]],
    indexes: ["CREATE INDEX ON analytics_month_loss_factors (event_month)"],
  },
];

export interface ExportResult {
  dir: string;
  seconds: number;
  rows: Record<string, number>;
}

/**
 * Writes every table PostgreSQL needs as CSV into `dir`, through a DuckDB instance opened without the
 * lock-down (COPY … TO needs file access, which the app's connections never have).
 */
export async function exportForPostgres(instance: DuckDBInstance, dir: string): Promise<ExportResult> {
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const connection = await instance.connect();
  const rows: Record<string, number> = {};
  try {
    for (const table of PG_TABLES) {
      // Table and column names are the constants above, never input.
      const select = table.columns.map(([name, , expression]) => expression ?? name).join(", ");
      const file = path.join(dir, `${table.name}.csv`);
      await connection.run(`COPY (SELECT ${select} FROM ${table.name}) TO '${file}' (FORMAT csv, HEADER false)`);
      const count = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table.name}`);
      rows[table.name] = count.getRowObjects()[0]!.n as number;
    }
  } finally {
    connection.closeSync();
  }
  return { dir, seconds: (performance.now() - started) / 1000, rows };
}

export interface PgLoadResult {
  copySeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  rows: Record<string, number>;
  sizeMiB: number;
}

/** Creates the tables, COPYs the CSV files in, builds the indexes, then VACUUM ANALYZE (statistics and visibility map). */
export async function loadIntoPostgres(client: pg.Client, dir: string): Promise<PgLoadResult> {
  let started = performance.now();
  const rows: Record<string, number> = {};
  for (const table of PG_TABLES) {
    await client.query(`CREATE TABLE ${table.name} (${table.columns.map(([name, type]) => `${name} ${type}`).join(", ")})`);
    const result = await client.query(`COPY ${table.name} FROM '${path.join(dir, `${table.name}.csv`)}' WITH (FORMAT csv)`);
    rows[table.name] = result.rowCount ?? 0;
  }
  const copySeconds = (performance.now() - started) / 1000;
  started = performance.now();
  for (const table of PG_TABLES) for (const index of table.indexes) await client.query(index);
  const indexSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await client.query("VACUUM ANALYZE");
  const analyzeSeconds = (performance.now() - started) / 1000;
  const size = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database())::text AS bytes");
  return { copySeconds, indexSeconds, analyzeSeconds, rows, sizeMiB: Math.round(Number(size.rows[0]!.bytes) / 2 ** 20) };
}
