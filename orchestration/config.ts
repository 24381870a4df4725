import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

/** Every environment variable Close Call reads, with its default (listed in docs/operations.md). */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default("./data"),
  CLOSECALL_DEMO: flag.optional(),
  SEED_REPORTS: z.coerce.number().int().min(0).max(5_000_000).default(25_000),
  SEED_AGENCIES: z.coerce.number().int().min(10).max(20_000).default(3_000),
  SEED: z.coerce.number().int().default(20261129),
  PRIVACY_K: z.coerce.number().int().min(2).max(100).default(10),
  AGENCY_MIN_REPORTS: z.coerce.number().int().min(1).default(30),
  RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  LIBRARY_ACCESS: z.enum(["public", "members"]).default("public"),
  INTAKE_KEY: z.string().optional(),
  /** Scale-out mode (docs/scale-out.md): PostgreSQL is the system of record. Unset: the embedded DuckDB file. */
  DATABASE_URL: z
    .string()
    .refine(
      (v) => /^postgres(ql)?:\/\//.test(v),
      "use a PostgreSQL URL, e.g. postgresql://closecall@db.example.org/closecall",
    )
    .optional(),
  /** How often a scale-out process checks for publications it was not notified of (NOTIFY is the fast path). */
  PUBLISHED_POLL_SECONDS: z.coerce.number().min(0.2).max(3600).default(5),
  PUBLIC_URL: z
    .string()
    .url()
    .refine(
      (v) =>
        /^https?:$/.test(new URL(v).protocol) && new URL(v).pathname === "/" && !new URL(v).search && !new URL(v).hash,
      "use an http(s) origin, e.g. https://closecall.example.org",
    )
    .transform((v) => new URL(v).origin)
    .optional(),
});

export interface AppConfig {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  dataDir: string;
  databaseFile: string;
  /** Demo mode: seed the synthetic dataset and demo accounts; demo sign-ins allowed. */
  demo: boolean;
  seedReports: number;
  /** Agencies of the first demo start's dataset (every one gets a release book, audited at start). */
  seedAgencies: number;
  seed: number;
  privacyK: number;
  agencyMinReports: number;
  retentionDays: number;
  libraryAccess: "public" | "members";
  intakeKey: string | undefined;
  /**
   * The address people reach the site at, for links given out of band (invitations, password resets)
   * and in the feed: never taken from a request's Host header. Without PUBLIC_URL, the address the
   * server listens on (server/index.ts fills in the real port once it listens).
   */
  publicUrl: string;
  publicUrlConfigured: boolean;
  /** PostgreSQL as the system of record (scale-out); undefined: the embedded file `databaseFile`. */
  databaseUrl: string | undefined;
  publishedPollMs: number;
  /** App processes (`--workers N`, scale-out only); 1 runs the server in this process. */
  workers: number;
}

export class ConfigError extends Error {}

/** http://host:port of the server itself: what a browser on this machine would use. */
export function listeningUrl(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/**
 * Reads configuration from the environment. Demo mode is on by default outside production; in
 * production it needs `--demo` (or CLOSECALL_DEMO=1) explicitly, so demo credentials never reach a
 * real deployment by accident.
 */
export function readConfig(
  env: Record<string, string | undefined> = process.env,
  argv: readonly string[] = [],
): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const workers = workersOf(argv, e.DATABASE_URL !== undefined);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseFile: path.join(dataDir, "closecall.duckdb"),
    demo: argv.includes("--demo") || (e.CLOSECALL_DEMO ?? e.NODE_ENV !== "production"),
    seedReports: e.SEED_REPORTS,
    seedAgencies: e.SEED_AGENCIES,
    seed: e.SEED,
    privacyK: e.PRIVACY_K,
    agencyMinReports: e.AGENCY_MIN_REPORTS,
    retentionDays: e.RETENTION_DAYS,
    libraryAccess: e.LIBRARY_ACCESS,
    intakeKey: e.INTAKE_KEY,
    publicUrl: e.PUBLIC_URL ?? listeningUrl(e.HOST, e.PORT),
    publicUrlConfigured: e.PUBLIC_URL !== undefined,
    databaseUrl: e.DATABASE_URL,
    publishedPollMs: e.PUBLISHED_POLL_SECONDS * 1000,
    workers,
  };
}

/**
 * `--workers N` (or `--workers` alone: one per core). Only with DATABASE_URL: the embedded DuckDB file
 * can be open in one process only.
 */
function workersOf(argv: readonly string[], scaleOut: boolean): number {
  const at = argv.indexOf("--workers");
  if (at < 0) return 1;
  const given = argv[at + 1];
  const n = given === undefined || given.startsWith("--") ? availableParallelism() : Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new ConfigError(`--workers takes a whole number from 1 to 64, not “${given}”`);
  if (n > 1 && !scaleOut)
    throw new ConfigError(
      "--workers needs DATABASE_URL: the embedded database file can be open in one process only (docs/scale-out.md)",
    );
  return n;
}
