import {
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBDateValue,
  type DuckDBInstance,
  dateValue,
} from "@duckdb/node-api";

/**
 * How each column is appended. UUID columns take their text form (DuckDB casts on append); dates are
 * 'YYYY-MM-DD' strings. Typed per-column calls are about twice as fast as converting generic rows.
 */
export type ColumnKind = "varchar" | "integer" | "boolean" | "date" | "timestamp";

const dateCache = new Map<string, DuckDBDateValue>();
function toDateValue(iso: string): DuckDBDateValue {
  let value = dateCache.get(iso);
  if (!value) {
    value = dateValue(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));
    dateCache.set(iso, value);
  }
  return value;
}

/** A DuckDB appender for one table: far faster than single-row INSERTs (~1 ms each) for bulk loads. */
export class BulkAppender {
  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly kinds: readonly ColumnKind[],
  ) {}

  /** Pass `connection` for TEMP tables, which only the connection that created them can see. */
  static async open(
    instance: DuckDBInstance,
    table: string,
    kinds: readonly ColumnKind[],
    connection?: DuckDBConnection,
  ): Promise<BulkAppender> {
    connection ??= await instance.connect();
    const appender = await connection.createAppender(table);
    if (appender.columnCount !== kinds.length) {
      throw new Error(`${table} has ${appender.columnCount} columns, the loader gives ${kinds.length}`);
    }
    return new BulkAppender(appender, kinds);
  }

  append(row: readonly unknown[]): void {
    const a = this.appender;
    for (let i = 0; i < this.kinds.length; i++) {
      const value = row[i];
      if (value === null || value === undefined) {
        a.appendNull();
        continue;
      }
      switch (this.kinds[i]) {
        case "varchar":
          a.appendVarchar(value as string);
          break;
        case "integer":
          a.appendInteger(value as number);
          break;
        case "boolean":
          a.appendBoolean(value as boolean);
          break;
        case "date":
          a.appendDate(toDateValue(value as string));
          break;
        case "timestamp":
          a.appendVarchar((value as Date).toISOString().replace("T", " ").replace("Z", ""));
          break;
      }
    }
    a.endRow();
  }

  /** Rows of VARCHAR columns laid end to end (row-major), as a worker thread sends them. */
  appendFlat(values: readonly string[]): void {
    const a = this.appender;
    const width = this.kinds.length;
    for (let i = 0; i < values.length; i++) {
      a.appendVarchar(values[i]!);
      if (i % width === width - 1) a.endRow();
    }
  }

  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}
