import pg from "pg";
import { startCluster } from "../../support/postgres-cluster";

export interface PgServer {
  version: string;
  /** Connection settings for `pg` (Unix socket in a private directory, no TCP port). */
  connection: pg.ClientConfig;
  /** Settings changed from PostgreSQL's defaults, for the report. */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Settings for an analytical comparison on this machine: memory for caching the whole dataset, parallel
 * workers on both cores, no JIT (its compile time dominates queries of tens of milliseconds), and no
 * fsync (the comparison reads; durability of PostgreSQL is not what is measured).
 */
export const PG_SETTINGS: Record<string, string> = {
  shared_buffers: "2GB",
  work_mem: "64MB",
  maintenance_work_mem: "1GB",
  effective_cache_size: "8GB",
  random_page_cost: "1.1",
  max_parallel_workers_per_gather: "2",
  jit: "off",
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
};

const DATE_OID = 1082;
const INT8_OID = 20;

/** Values as Close Call's DuckDB dialect returns them: DATE as 'YYYY-MM-DD', BIGINT as a number. */
function comparableTypes(oid: number, format?: "text" | "binary"): (value: string) => unknown {
  if (oid === DATE_OID) return (value) => value;
  if (oid === INT8_OID) return (value) => Number(value);
  return pg.types.getTypeParser(oid, format as "text");
}

/** Initialises a throw-away cluster under `dir` and starts it on a private Unix socket. */
export async function startPostgres(dir: string, log: (line: string) => void): Promise<PgServer> {
  const cluster = await startCluster(dir, PG_SETTINGS, log);
  const connection: pg.ClientConfig = {
    host: cluster.socketDir,
    port: cluster.port,
    user: cluster.user,
    database: "postgres",
    types: { getTypeParser: comparableTypes },
  };
  const client = new pg.Client(connection);
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  return {
    version: `PostgreSQL ${rows[0]!.server_version}`,
    connection,
    settings: PG_SETTINGS,
    stop: () => cluster.stop(),
  };
}
