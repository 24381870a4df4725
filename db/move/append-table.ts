import type { DuckDBInstance } from "@duckdb/node-api";
import { type ColumnKind, BulkAppender } from "../synthetic/bulk-append";
import { schemaColumns } from "../database";
import type { TableName } from "./copy-database";

const KIND_OF_TYPE: Record<string, ColumnKind> = {
  UUID: "varchar",
  VARCHAR: "varchar",
  INTEGER: "integer",
  BOOLEAN: "boolean",
  DATE: "date",
  TIMESTAMP: "timestamp",
};

/** The table's columns in the order DuckDB stores them (the appender's order), each with how to append it. */
async function columnsOf(
  instance: DuckDBInstance,
  table: TableName,
): Promise<{ names: string[]; kinds: ColumnKind[] }> {
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      "SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
      [table],
    );
    const names = reader.getRowObjects().map((r) => String(r.column_name));
    const specs = schemaColumns[table] as Record<string, string>;
    const kinds = names.map((name) => {
      const kind = KIND_OF_TYPE[(specs[name] ?? "").replace(/\?$/, "")];
      if (!kind) throw new Error(`${table}.${name} (${specs[name]}) cannot be appended: add its type here`);
      return kind;
    });
    return { names, kinds };
  } finally {
    connection.closeSync();
  }
}

/**
 * Appends rows to a DuckDB table through its appender: at 1M reports tens of times faster than the
 * parameterised INSERTs `copyRecordTables` uses (which work on any database). Rows are objects by column
 * name, as Kysely returns them from either database.
 */
export async function appendTable(
  instance: DuckDBInstance,
  table: TableName,
  rows: AsyncIterable<Record<string, unknown>>,
): Promise<number> {
  const { names, kinds } = await columnsOf(instance, table);
  const connection = await instance.connect();
  try {
    const appender = await BulkAppender.open(instance, table, kinds, connection);
    let count = 0;
    for await (const row of rows) {
      appender.append(names.map((name) => row[name]));
      count++;
    }
    appender.close();
    return count;
  } finally {
    connection.closeSync();
  }
}
