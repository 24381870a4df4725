import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import {
  ResultReturnType,
  type DuckDBConnection,
  type DuckDBInstance,
  type DuckDBType,
  type DuckDBValue,
} from "@duckdb/node-api";
import { resultConverter, toDuckDBParameter } from "./duckdb-values";

function bind(parameters: readonly unknown[]): { values: DuckDBValue[]; types: (DuckDBType | undefined)[] } {
  const values: DuckDBValue[] = [];
  const types: (DuckDBType | undefined)[] = [];
  for (const parameter of parameters) {
    const bound = toDuckDBParameter(parameter);
    values.push(bound.value);
    types.push(bound.type);
  }
  return { values, types };
}

export class DuckDBKyselyConnection implements DatabaseConnection {
  constructor(readonly raw: DuckDBConnection) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { values, types } = bind(compiled.parameters);
    const result = await this.raw.run(compiled.sql, values, types as DuckDBType[]);
    // Decide by the statement's return type, never by a column name: `count(*) as count` is a
    // query result like any other (the defect of the npm kysely-duckdb dialect).
    if (result.returnType === ResultReturnType.CHANGED_ROWS) {
      return { rows: [], numAffectedRows: BigInt(result.rowsChanged) };
    }
    const rows = (await result.convertRowObjects(resultConverter)) as R[];
    return { rows };
  }

  async *streamQuery<R>(compiled: CompiledQuery, _chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    const { values, types } = bind(compiled.parameters);
    const result = await this.raw.stream(compiled.sql, values, types as DuckDBType[]);
    for await (const rows of result.yieldConvertedRowObjects(resultConverter)) {
      yield { rows: rows as R[] };
    }
  }
}

export interface DuckDBDriverConfig {
  instance: DuckDBInstance;
  /** Upper bound on concurrently checked-out connections (each runs on DuckDB's thread pool). */
  maxConnections?: number;
}

export class DuckDBDriver implements Driver {
  readonly #instance: DuckDBInstance;
  readonly #max: number;
  readonly #idle: DuckDBKyselyConnection[] = [];
  readonly #all = new Set<DuckDBKyselyConnection>();
  readonly #waiting: ((connection: DuckDBKyselyConnection) => void)[] = [];

  constructor(config: DuckDBDriverConfig) {
    this.#instance = config.instance;
    this.#max = config.maxConnections ?? 8;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#all.size < this.#max) {
      const connection = new DuckDBKyselyConnection(await this.#instance.connect());
      this.#all.add(connection);
      return connection;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("BEGIN TRANSACTION"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("COMMIT"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("ROLLBACK"));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const waiter = this.#waiting.shift();
    if (waiter) waiter(connection as DuckDBKyselyConnection);
    else this.#idle.push(connection as DuckDBKyselyConnection);
  }

  async destroy(): Promise<void> {
    for (const connection of this.#all) connection.raw.closeSync();
    this.#all.clear();
    this.#idle.length = 0;
  }
}
