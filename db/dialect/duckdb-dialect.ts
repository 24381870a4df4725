import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresQueryCompiler,
  type QueryCompiler,
} from "kysely";
import { DuckDBDriver, type DuckDBDriverConfig } from "./duckdb-driver";
import { DuckDBIntrospector } from "./duckdb-introspector";

/**
 * DuckDB speaks PostgreSQL's SQL closely enough ($n parameters, RETURNING, "quoted" identifiers)
 * that Kysely's Postgres compiler fits. The adapter differs only in the migration lock: DuckDB has no
 * advisory locks, and one process owns the database file anyway.
 */
class DuckDBAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

export class DuckDBDialect implements Dialect {
  constructor(private readonly config: DuckDBDriverConfig) {}
  createDriver(): Driver {
    return new DuckDBDriver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new DuckDBAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new DuckDBIntrospector(db);
  }
}
