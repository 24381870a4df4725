import type { SelectType } from "kysely";

/** DuckDB type names as information_schema.columns.data_type spells them. */
export type SqlType = "UUID" | "VARCHAR" | "INTEGER" | "BIGINT" | "DOUBLE" | "DATE" | "TIMESTAMP" | "BOOLEAN" | "BLOB" | "VARCHAR[]";

/**
 * A runtime copy of a table interface: every column with its SQL type, "?" marking NULL-able ones.
 * The mapped type ties it to the interface at compile time; the schema-drift test ties it to the database.
 */
export type ColumnSpecs<T> = {
  [K in keyof T]-?: null extends SelectType<T[K]> ? `${SqlType}?` : SqlType;
};
