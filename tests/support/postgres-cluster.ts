import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { POSTGRES_BIN } from "../../db/backup/postgres-backup";

const run = promisify(execFile);

/**
 * Debian's postgresql-15 binaries (the version docs/design.md §9 compares against; CI installs it): the same
 * place the backups run pg_dump from.
 */
export const PG_BIN = POSTGRES_BIN;

/** A throw-away cluster: reachable only on a Unix socket in a private folder, trusted local users. */
export interface PgCluster {
  /** The folder of the socket (`host` for `pg`, `?host=` in a URL). */
  socketDir: string;
  port: number;
  /** The cluster's superuser (the `postgres` user when run as root, else the current user). */
  user: string;
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

/** Initialises a throw-away cluster under `dir` with `settings` and starts it on a private Unix socket. */
export async function startCluster(
  dir: string,
  settings: Record<string, string>,
  log: (line: string) => void,
): Promise<PgCluster> {
  const unavailable = postgresUnavailable();
  if (unavailable) throw new Error(`Cannot start PostgreSQL: ${unavailable}`);
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
  const user = userInfo().uid === 0 ? "postgres" : userInfo().username;
  const [initCmd, initArgs] = asServerUser(path.join(PG_BIN, "initdb"), [
    "-D",
    dataDir,
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C",
    "--username",
    user,
    "--no-sync",
  ]);
  await run(initCmd, initArgs);
  // Only names the socket file (no TCP): clusters in other folders never collide.
  const port = 5400 + Math.floor(Math.random() * 500);
  const options = [
    `-c listen_addresses=''`,
    `-c unix_socket_directories=${socketDir}`,
    `-c port=${port}`,
    ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
  ].join(" ");
  const pgCtl = path.join(PG_BIN, "pg_ctl");
  const logFile = path.join(dataDir, "server.log");
  await run(...asServerUser(pgCtl, ["-D", dataDir, "-o", options, "-l", logFile, "-w", "-t", "60", "start"]));
  log(`PostgreSQL started (private socket ${socketDir}, port ${port}).`);
  let stopped = false;
  // Should the process die before stop(), the cluster must not outlive it.
  const stopOnExit = () => {
    if (!stopped)
      execFileSync(...asServerUser(pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"]), { stdio: "ignore" });
  };
  process.once("exit", stopOnExit);
  return {
    socketDir,
    port,
    user,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off("exit", stopOnExit);
      await run(...asServerUser(pgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"])).catch(() => undefined);
    },
  };
}

/** Runs one statement (CREATE DATABASE, …) as the cluster's superuser, in its `postgres` database. */
export async function asSuperuser(cluster: PgCluster, statement: string): Promise<void> {
  const client = new pg.Client({
    host: cluster.socketDir,
    port: cluster.port,
    user: cluster.user,
    database: "postgres",
  });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
