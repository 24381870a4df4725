import type { Executor } from "../../db/database";
import type { TableName } from "../../db/move/copy-database";

/** Sealed bytes as their numbers: DuckDB gives a Buffer (JSON calls its toJSON first), pg a Uint8Array. */
function comparable(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return String(value);
  if (value instanceof Uint8Array) return [...value];
  const buffer = value as { type?: unknown; data?: unknown } | null;
  return buffer?.type === "Buffer" && Array.isArray(buffer.data) ? buffer.data : value;
}

/**
 * A table's rows as sorted JSON lines, every value as the repositories read it: equal for equal contents,
 * whatever the order the rows are stored in and whichever database holds them.
 */
export async function tableRows(db: Executor, table: TableName): Promise<string[]> {
  const rows = await db.selectFrom(table).selectAll().execute();
  return rows.map((r) => JSON.stringify(r, comparable)).sort();
}
