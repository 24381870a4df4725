import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { openDatabase, type OpenStore } from "../../db/open";
import { openPostgres } from "../../db/open-postgres";
import { asSuperuser, type PgCluster, startCluster } from "./postgres-cluster";

// The system of record on both backends (docs/design.md §4, issue 18): a test file runs its repository
// tests once on DuckDB and once on PostgreSQL with `describe.each(testBackends())`. PostgreSQL runs in a
// throw-away cluster of the test file's own, started at its first use; where PostgreSQL is not installed
// those tests fail with the reason (CI installs postgresql-15), they are never skipped.

export interface TestBackend {
  name: "DuckDB" | "PostgreSQL";
  /** A fresh database of its own, migrated. */
  open(): Promise<OpenStore>;
  /** A fresh database that outlives close(): each `open()` reaches the same one again (a restart). */
  persistent(): Promise<{ open(): Promise<OpenStore> }>;
}

/** Durability is not what tests check: no fsync, and a small cluster (two may run at once). */
const TEST_SETTINGS: Record<string, string> = {
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  shared_buffers: "32MB",
  max_connections: "40",
  jit: "off",
};
const TEMPLATE = "closecall_template";

interface Running {
  cluster: PgCluster;
  dir: string;
}
let running: Promise<Running> | undefined;
let databases = 0;
/** Folders of this file's DuckDB files, removed after its last test. */
const duckdbFolders: string[] = [];

function postgresUrl(cluster: PgCluster, database: string): string {
  return `postgresql://${cluster.user}@/${database}?host=${cluster.socketDir}&port=${cluster.port}`;
}

/** The cluster and a migrated template database, which CREATE DATABASE copies in a few milliseconds. */
async function start(): Promise<Running> {
  const dir = mkdtempSync(path.join(tmpdir(), "closecall-test-pg-"));
  let cluster: PgCluster | undefined;
  try {
    cluster = await startCluster(dir, TEST_SETTINGS, () => undefined);
    await asSuperuser(cluster, `CREATE DATABASE ${TEMPLATE}`);
    const template = await openPostgres(postgresUrl(cluster, TEMPLATE));
    await template.close();
    return { cluster, dir };
  } catch (error) {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A new PostgreSQL database in this test file's cluster, migrated (or empty: no tables at all). */
export async function createPostgresDatabase(options: { empty?: boolean } = {}): Promise<string> {
  running ??= start();
  const { cluster } = await running;
  const name = `closecall_test_${++databases}`;
  await asSuperuser(cluster, `CREATE DATABASE ${name} TEMPLATE ${options.empty ? "template0" : TEMPLATE}`);
  return postgresUrl(cluster, name);
}

/** Stops this file's cluster and removes its files: for a file that uses createPostgresDatabase alone. */
export async function stopTestPostgres(): Promise<void> {
  await cleanUp();
}

async function cleanUp(): Promise<void> {
  for (const dir of duckdbFolders.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (!running) return;
  const started = running;
  running = undefined;
  const { cluster, dir } = await started.catch(() => ({ cluster: undefined, dir: undefined }));
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

const duckdb: TestBackend = {
  name: "DuckDB",
  open: () => openDatabase({ location: ":memory:" }),
  async persistent() {
    const dir = mkdtempSync(path.join(tmpdir(), "closecall-test-duckdb-"));
    duckdbFolders.push(dir);
    const location = path.join(dir, "closecall.duckdb");
    return { open: () => openDatabase({ location }) };
  },
};

const postgres: TestBackend = {
  name: "PostgreSQL",
  open: async () => openPostgres(await createPostgresDatabase()),
  async persistent() {
    const url = await createPostgresDatabase();
    return { open: () => openPostgres(url) };
  },
};

/**
 * Both backends, for `describe.each(testBackends())("… on $name", (backend) => …)`. Call it at the top of
 * the test file: after the file's last test the cluster is stopped and the files are removed.
 */
export function testBackends(): TestBackend[] {
  afterAll(cleanUp);
  return [duckdb, postgres];
}
