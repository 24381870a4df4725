import type { SelectType } from "kysely";

/** DuckDB type names as information_schema.columns.data_type spells them. */
export type SqlType =
  | "UUID"
  | "VARCHAR"
  | "INTEGER"
  | "BIGINT"
  | "DOUBLE"
  | "DATE"
  | "TIMESTAMP"
  | "BOOLEAN"
  | "BLOB"
  | "VARCHAR[]"
  | EnumType;
/** A DuckDB ENUM as information_schema spells it, e.g. ENUM('a', 'b') (the analytics rollups use them). */
export type EnumType = `ENUM(${string})`;

/**
 * A runtime copy of a table interface: every column with its SQL type, "?" marking NULL-able ones.
 * The mapped type ties it to the interface at compile time; the schema-drift test ties it to the database.
 */
export type ColumnSpecs<T> = {
  [K in keyof T]-?: null extends SelectType<T[K]> ? `${SqlType}?` : SqlType;
};
