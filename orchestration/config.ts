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
  };
}
