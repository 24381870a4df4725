// What differs between DuckDB and PostgreSQL below the repositories, kept in one file: the type names of
// the migrations' DDL and the conversion of result values. The repositories see the same values on
// both: DATE as a 'YYYY-MM-DD' string, BIGINT as a number, TIMESTAMP as a Date of that UTC instant,
// BLOB as a Uint8Array (the conventions of duckdb-values.ts).
import { type Kysely, PostgresIntrospector } from "kysely";
import pg from "pg";
import { UnsafeIntegerError } from "./duckdb-values";

/** True when `db` (a database or a transaction) runs on Kysely's PostgresDialect. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.introspection instanceof PostgresIntrospector;
}

/**
 * The migrations' DuckDB type names PostgreSQL spells differently. DuckDB's TIMESTAMP holds UTC instants
 * by convention here (Dates bound as UTC); on PostgreSQL that is TIMESTAMPTZ, so that a Date bound by
 * `pg` with the process's offset is stored as the same instant (a TIMESTAMP column would drop the
 * offset). Every other type of the schema (UUID, VARCHAR, INTEGER, BIGINT, DATE, BOOLEAN, VARCHAR[],
 * ENUM types, sequences) has the same name and meaning on both.
 */
const POSTGRES_TYPE_NAMES: Record<string, string> = {
  BLOB: "BYTEA",
  TIMESTAMP: "TIMESTAMPTZ",
  DOUBLE: "DOUBLE PRECISION",
};

/** A migration statement as written for DuckDB, with its type names in PostgreSQL's spelling. */
export function toPostgresDdl(statement: string): string {
  // Type names are upper case in the migrations, identifiers lower case: only type names match.
  return statement.replace(/\b(BLOB|TIMESTAMP|DOUBLE)\b/g, (name) => POSTGRES_TYPE_NAMES[name]!);
}

const OID = {
  int8: 20,
  bytea: 17,
  date: 1082,
  timestamp: 1114,
  numeric: 1700,
  int8Array: 1016,
  varcharArray: 1015,
  dateArray: 1182,
  timestampArray: 1115,
} as const;

function safeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UnsafeIntegerError(BigInt(text));
  return value;
}

/** A TIMESTAMP's wall clock read as UTC, as DuckDB's TIMESTAMP is read. */
const utcInstant = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

/** An array read as strings (pg's VARCHAR[] parser), each element then converted. */
function arrayOf(element: (text: string) => unknown): (value: string) => unknown[] {
  const varcharArray: number = OID.varcharArray; // no named TypeId in @types/pg
  const strings = pg.types.getTypeParser(varcharArray, "text") as (value: string) => (string | null)[];
  return (value) => strings(value).map((item) => (item === null ? null : element(item)));
}

/**
 * Result parsers for `pg` that return what the DuckDB dialect returns. count(*) and sums are BIGINT or
 * NUMERIC in PostgreSQL (strings by default in `pg`) and numbers in DuckDB's results here.
 * TIMESTAMPTZ keeps `pg`'s own parser (the text carries its offset).
 */
export function postgresTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown {
  switch (oid) {
    case OID.date:
      return (value) => value;
    case OID.int8:
      return safeNumber;
    case OID.numeric:
      return Number;
    // An expression of type TIMESTAMP (none of the columns): its wall clock is UTC, as in DuckDB.
    case OID.timestamp:
      return utcInstant;
    // Arrays as DuckDB's lists come back (pg's own parsers give BIGINT[] as strings, DATE[] as Dates).
    case OID.int8Array:
      return arrayOf(safeNumber);
    case OID.dateArray:
      return arrayOf((value) => value);
    case OID.timestampArray:
      return arrayOf(utcInstant);
    case OID.bytea: {
      const buffer = pg.types.getTypeParser(OID.bytea, "text") as (value: string) => Buffer;
      return (value) => Uint8Array.from(buffer(value));
    }
    default:
      return pg.types.getTypeParser(oid, format as "text");
  }
}
