import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** Debian's postgresql-15 binaries (the version docs/design.md §9 compares against). */
export const PG_BIN = process.env.CLOSECALL_BENCH_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PgServer {
  version: string;
  /** Connection settings for `pg` (Unix socket in a private directory, no TCP port). */
  connection: pg.ClientConfig;
  /** Settings changed from PostgreSQL's defaults, for the report. */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

/** Why PostgreSQL cannot run here, or null when it can. */
export function postgresUnavailable(): string | null {
  if (!existsSync(path.join(PG_BIN, "postgres"))) {
    return `PostgreSQL 15 is not installed (no ${PG_BIN}/postgres; on Debian: apt-get install postgresql-15).`;
  }
  if (userInfo().uid === 0) {
    try {
      userId("postgres");
    } catch {
      return "running as root, and there is no `postgres` user to run PostgreSQL as (it refuses to run as root).";
    }
  }
  return null;
}

function userId(name: string): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name}`);
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

// PostgreSQL refuses to run as root: as root every server command runs as the `postgres` user.
function asServerUser(command: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
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
  const dataDir = path.join(dir, "pgdata");
  const socketDir = path.join(dir, "pgsocket");
  // The server user must reach the folder; nothing else lives in it.
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const d of [dataDir, socketDir]) {
    mkdirSync(d, { recursive: true, mode: 0o700 });
    if (userInfo().uid === 0) {
      const { uid, gid } = userId("postgres");
      chownSync(d, uid, gid);
    }
  }
  const superuser = userInfo().uid === 0 ? "postgres" : userInfo().username;
  const [initCmd, initArgs] = asServerUser(path.join(PG_BIN, "initdb"), [
    "-D",
    dataDir,
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C",
    "--username",
    superuser,
    "--no-sync",
  ]);
  await run(initCmd, initArgs);
  const port = 5400 + Math.floor(Math.random() * 500);
  const options = [
    `-c listen_addresses=''`,
    `-c unix_socket_directories=${socketDir}`,
    `-c port=${port}`,
    ...Object.entries(PG_SETTINGS).map(([k, v]) => `-c ${k}=${v}`),
  ].join(" ");
  const [startCmd, startArgs] = asServerUser(path.join(PG_BIN, "pg_ctl"), [
    "-D",
    dataDir,
    "-o",
    options,
    "-l",
    path.join(dataDir, "server.log"),
    "-w",
    "-t",
    "60",
    "start",
  ]);
  await run(startCmd, startArgs);
  log(`PostgreSQL started (private socket ${socketDir}, port ${port}).`);
  const connection: pg.ClientConfig = {
    host: socketDir,
    port,
    user: superuser,
    database: "postgres",
    types: { getTypeParser: comparableTypes },
  };
  const client = new pg.Client(connection);
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  let stopped = false;
  // Should the benchmark die before stop(), the cluster must not outlive it.
  const stopOnExit = () => {
    const [cmd, args] = asServerUser(path.join(PG_BIN, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    if (!stopped) execFileSync(cmd, args, { stdio: "ignore" });
  };
  process.once("exit", stopOnExit);
  return {
    version: `PostgreSQL ${rows[0]!.server_version}`,
    connection,
    settings: PG_SETTINGS,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off("exit", stopOnExit);
      const [stopCmd, stopArgs] = asServerUser(path.join(PG_BIN, "pg_ctl"), [
        "-D",
        dataDir,
        "-m",
        "fast",
        "-w",
        "stop",
      ]);
      await run(stopCmd, stopArgs).catch(() => undefined);
    },
  };
}
