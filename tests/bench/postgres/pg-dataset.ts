import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";

/**
 * The tables a dashboard reads, as PostgreSQL holds them, with the same rows as Close Call's DuckDB file.
 * DuckDB's ENUM columns become SMALLINT codes (the ENUM's ordinal, which the dashboard queries read with
 * enum_code()) — the usual lookup-code layout for a fact table in PostgreSQL, and its fastest.
 */
interface TableSpec {
  name: string;
  /** Where the rows come from in DuckDB (default: the table of the same name). */
  from?: string;
  columns: [name: string, pgType: string, duckExpression?: string][];
  indexes: string[];
}

/** One way of holding the data in PostgreSQL: tables loaded from CSV, then views over them. */
export interface Layout {
  name: string;
  description: string;
  tables: TableSpec[];
  views: string[];
}

const code = (column: string, notNull = true, enumType?: string): [string, string, string] => [
  column,
  `smallint${notNull ? " NOT NULL" : ""}`,
  enumType ? `enum_code(${column}::${enumType})` : `enum_code(${column})`,
];
const reportColumns: TableSpec["columns"] = [
  ["report_id", "uuid NOT NULL"],
  ["event_month", "date NOT NULL"],
  code("incident_type"),
  code("loss_potential"),
  code("census_region"),
  code("light", false),
  code("assignment", false),
  ["agency_id", "uuid"],
  code("agency_size_band", false),
  ["factor_mask", "bigint NOT NULL"],
];

const shared: TableSpec[] = [
  {
    name: "agencies",
    columns: [
      ["id", "uuid PRIMARY KEY"],
      ["name", "text NOT NULL"],
      ["state", "text NOT NULL"],
      ["census_region", "text NOT NULL"],
      ["size_band", "text NOT NULL"],
      ["status", "text NOT NULL"],
    ],
    indexes: ["CREATE INDEX ON agencies (name)"],
  },
  {
    name: "app_meta",
    columns: [
      ["key", "text PRIMARY KEY"],
      ["value", "text NOT NULL"],
    ],
    indexes: [],
  },
];

/** Close Call's own rollup tables, copied as they are: the engines compared on identical tables. */
export const ROLLUP_LAYOUT: Layout = {
  name: "same rollup tables",
  description:
    "Close Call's analytics rollups copied as they are (per-report rows sorted by agency, the month × region × " +
    "type × loss cube, month tables per factor)",
  tables: [
    ...shared,
    {
      name: "analytics_reports",
      columns: reportColumns,
      indexes: [
        "CREATE INDEX ON analytics_reports (agency_id, event_month)",
        "CREATE INDEX ON analytics_reports (event_month)",
      ],
    },
    {
      name: "analytics_report_factors",
      columns: [...reportColumns, code("factor_code")],
      indexes: [
        "CREATE INDEX ON analytics_report_factors (agency_id, event_month)",
        "CREATE INDEX ON analytics_report_factors (event_month)",
      ],
    },
    {
      name: "analytics_cube_reports",
      columns: [
        ["event_month", "date NOT NULL"],
        code("census_region"),
        code("incident_type"),
        code("loss_potential"),
        ["reports", "integer NOT NULL"],
      ],
      indexes: ["CREATE INDEX ON analytics_cube_reports (event_month)"],
    },
    {
      name: "analytics_cube_factors",
      columns: [
        ["event_month", "date NOT NULL"],
        code("census_region"),
        code("incident_type"),
        code("loss_potential"),
        code("factor_code"),
        ["reports", "integer NOT NULL"],
      ],
      indexes: ["CREATE INDEX ON analytics_cube_factors (event_month)"],
    },
    {
      name: "analytics_month_factors",
      columns: [
        ["event_month", "date NOT NULL"],
        code("census_region"),
        code("factor_code"),
        ["reports", "integer NOT NULL"],
      ],
      indexes: ["CREATE INDEX ON analytics_month_factors (event_month)"],
    },
    {
      name: "analytics_month_loss_factors",
      columns: [
        ["event_month", "date NOT NULL"],
        code("loss_potential"),
        code("factor_code"),
        ["reports", "integer NOT NULL"],
      ],
      indexes: ["CREATE INDEX ON analytics_month_loss_factors (event_month)"],
    },
  ],
  views: [],
};

// The published tables with their coded columns as SMALLINT codes (the same ordinals as the rollups).
const publishedReports: TableSpec = {
  name: "pub_reports",
  from: "reports",
  columns: [
    ["id", "uuid PRIMARY KEY"],
    ["event_month", "date NOT NULL"],
    code("incident_type", true, "analytics_incident_type"),
    code("loss_potential", true, "analytics_loss_potential"),
    code("census_region", true, "analytics_census_region"),
    code("light", false, "analytics_light"),
    code("assignment", false, "analytics_assignment"),
  ],
  indexes: ["CREATE INDEX ON pub_reports (event_month)"],
};

/**
 * The published tables as a PostgreSQL application would keep them (reports, their factors, the protected
 * fields), with B-tree indexes, and the rollups as plain views over them: the same dashboard statements
 * then compute from the published rows, the way PostgreSQL would answer them without Close Call's rollups.
 */
export const PUBLISHED_LAYOUT: Layout = {
  name: "published tables, rollups as views",
  description:
    "the published tables (reports, report_factors, report_protected) with B-tree indexes, and every rollup as a " +
    "plain view over them",
  tables: [
    ...shared,
    publishedReports,
    {
      name: "pub_report_protected",
      from: "report_protected",
      columns: [
        ["report_id", "uuid PRIMARY KEY"],
        ["agency_id", "uuid"],
        code("agency_size_band", false, "analytics_size_band"),
      ],
      indexes: ["CREATE INDEX ON pub_report_protected (agency_id)"],
    },
    {
      name: "pub_report_factors",
      from: "(SELECT DISTINCT report_id, factor_code FROM report_factors)",
      columns: [["report_id", "uuid NOT NULL"], code("factor_code", true, "analytics_factor")],
      indexes: ["ALTER TABLE pub_report_factors ADD PRIMARY KEY (report_id, factor_code)"],
    },
  ],
  views: [
    `CREATE VIEW analytics_reports AS
      SELECT r.id AS report_id, r.event_month, r.incident_type, r.loss_potential, r.census_region, r.light,
        r.assignment,
        p.agency_id, p.agency_size_band, coalesce(m.mask, 0) AS factor_mask
      FROM pub_reports r
      LEFT JOIN pub_report_protected p ON p.report_id = r.id
      LEFT JOIN (SELECT report_id, bit_or(1::bigint << factor_code) AS mask FROM pub_report_factors
        GROUP BY report_id) m ON m.report_id = r.id`,
    `CREATE VIEW analytics_report_factors AS
      SELECT r.id AS report_id, r.event_month, r.incident_type, r.loss_potential, r.census_region, r.light,
        r.assignment,
        p.agency_id, p.agency_size_band, f.factor_code
      FROM pub_report_factors f
      JOIN pub_reports r ON r.id = f.report_id
      LEFT JOIN pub_report_protected p ON p.report_id = r.id`,
    `CREATE VIEW analytics_cube_reports AS
      SELECT event_month, census_region, incident_type, loss_potential, count(*)::integer AS reports
      FROM pub_reports GROUP BY event_month, census_region, incident_type, loss_potential`,
    `CREATE VIEW analytics_cube_factors AS
      SELECT r.event_month, r.census_region, r.incident_type, r.loss_potential, f.factor_code, count(*)::integer
        AS reports
      FROM pub_report_factors f JOIN pub_reports r ON r.id = f.report_id
      GROUP BY r.event_month, r.census_region, r.incident_type, r.loss_potential, f.factor_code`,
    `CREATE VIEW analytics_month_factors AS
      SELECT r.event_month, r.census_region, f.factor_code, count(*)::integer AS reports
      FROM pub_report_factors f JOIN pub_reports r ON r.id = f.report_id
      GROUP BY r.event_month, r.census_region, f.factor_code`,
    `CREATE VIEW analytics_month_loss_factors AS
      SELECT r.event_month, r.loss_potential, f.factor_code, count(*)::integer AS reports
      FROM pub_report_factors f JOIN pub_reports r ON r.id = f.report_id
      GROUP BY r.event_month, r.loss_potential, f.factor_code`,
  ],
};

export const LAYOUTS = [ROLLUP_LAYOUT, PUBLISHED_LAYOUT];

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
    const tables = new Map(LAYOUTS.flatMap((l) => l.tables).map((t) => [t.name, t]));
    for (const table of tables.values()) {
      // Table and column names are the constants above, never input.
      const select = table.columns.map(([name, , expression]) => expression ?? name).join(", ");
      const file = path.join(dir, `${table.name}.csv`);
      await connection.run(
        `COPY (SELECT ${select} FROM ${table.from ?? table.name}) TO '${file}' (FORMAT csv, HEADER false)`,
      );
      const count = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table.from ?? table.name}`);
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

/** Creates a layout's tables, COPYs the CSV files in, builds the indexes and views, then VACUUM ANALYZE. */
export async function loadIntoPostgres(client: pg.Client, dir: string, layout: Layout): Promise<PgLoadResult> {
  let started = performance.now();
  const rows: Record<string, number> = {};
  for (const table of layout.tables) {
    await client.query(
      `CREATE TABLE ${table.name} (${table.columns.map(([name, type]) => `${name} ${type}`).join(", ")})`,
    );
    const result = await client.query(
      `COPY ${table.name} FROM '${path.join(dir, `${table.name}.csv`)}' WITH (FORMAT csv)`,
    );
    rows[table.name] = result.rowCount ?? 0;
  }
  const copySeconds = (performance.now() - started) / 1000;
  started = performance.now();
  for (const table of layout.tables) for (const index of table.indexes) await client.query(index);
  for (const view of layout.views) await client.query(view);
  const indexSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await client.query("VACUUM ANALYZE");
  const analyzeSeconds = (performance.now() - started) / 1000;
  const size = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database())::text AS bytes");
  return {
    copySeconds,
    indexSeconds,
    analyzeSeconds,
    rows,
    sizeMiB: Math.round(Number(size.rows[0]!.bytes) / 2 ** 20),
  };
}
