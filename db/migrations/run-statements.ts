import { type Kysely, sql } from "kysely";
import { isPostgres, toPostgresDdl } from "../dialect/postgres-values";

/**
 * Runs a migration's DDL, written with DuckDB's type names. On PostgreSQL (the system of record beyond
 * one machine, docs/design.md §4) the few names it spells differently are mapped; this is the one place
 * the migrations depend on the dialect. On DuckDB the statements run exactly as written.
 */
export async function runStatements(db: Kysely<any>, statements: readonly string[]): Promise<void> {
  const postgres = isPostgres(db);
  for (const statement of statements) await sql.raw(postgres ? toPostgresDdl(statement) : statement).execute(db);
}
