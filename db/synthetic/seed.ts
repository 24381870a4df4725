import type { DuckDBInstance } from "@duckdb/node-api";
import { type Kysely, sql } from "kysely";
import { sealTotpSecret } from "../accounts/mfa";
import type { Database } from "../database";
import { hashPassword } from "../security/password";
import type { SecretBox } from "../security/secret-box";
import { demoPartnerCode, generatePartnerCode, hashPartnerCode } from "../security/partner-code";
import { TAXONOMY_VERSION } from "../../domain/taxonomy/index";
import { BulkAppender } from "./bulk-append";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./demo-accounts";
import { DEMO_AGENCIES, type SyntheticAgency } from "./generate-agencies";
import { generateInWorker } from "./generate-in-worker";
import { codedField } from "./staging-row";

export interface SeedOptions {
  reports: number;
  seed: number;
  agencies?: number;
  /** Create the demo accounts (demo mode only). */
  demoAccounts?: boolean;
  /**
   * Seals their TOTP seeds (the server passes it). Without it the published demo seed is stored in clear
   * and sealed by the next server start (sealClearTotpSecrets), before anyone can sign in.
   */
  totpBox?: SecretBox;
}

export interface SeedSummary {
  agencies: number;
  reports: number;
  reportFactors: number;
  demoAccounts: number;
  seconds: number;
}

const ENROLLED_AT = new Date("2026-01-01T00:00:00Z");

// One staging row per report, appended once; the three real tables are then filled by INSERT … SELECT
// inside DuckDB. Appending each report's UUID to three tables and one row per factor took 24 s per
// million reports here; this takes about 15 s.
const STAGING = "CREATE TEMP TABLE seed_reports (title VARCHAR, summary VARCHAR, lessons VARCHAR, coded VARCHAR)";
const f = codedField;
const SPLIT = "(SELECT *, string_split(coded, chr(9)) AS f FROM seed_reports)";

async function appendAgencies(instance: DuckDBInstance, agencies: readonly SyntheticAgency[], seed: number) {
  const demoIds = new Map<string, string>();
  const appender = await BulkAppender.open(instance, "agencies", [
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "timestamp",
    "timestamp",
    "timestamp",
    "boolean",
  ]);
  for (const a of agencies) {
    const demo = DEMO_AGENCIES.find((d) => d.name === a.name && d.state === a.state);
    if (demo) demoIds.set(demo.key, a.id);
    const code = demo ? demoPartnerCode(seed, demo.key) : generatePartnerCode();
    appender.append([
      a.id,
      a.name,
      a.state,
      a.censusRegion,
      a.sizeBand,
      "active",
      hashPartnerCode(code),
      null,
      null,
      ENROLLED_AT,
      ENROLLED_AT,
      null,
      true,
    ]);
  }
  appender.close();
  return demoIds;
}

async function insertDemoAccounts(
  db: Kysely<Database>,
  demoIds: Map<string, string>,
  totpBox: SecretBox | undefined,
): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insertInto("users")
    .values(
      DEMO_ACCOUNTS.map((account) => ({ ...account, id: crypto.randomUUID() })).map((account) => ({
        id: account.id,
        email: account.email,
        display_name: account.displayName,
        password_hash: passwordHash,
        role: account.role,
        agency_id: account.agency ? (demoIds.get(account.agency) ?? null) : null,
        status: "active" as const,
        is_demo: true,
        totp_secret: totpBox ? sealTotpSecret(totpBox, account.id, DEMO_TOTP_SECRET) : DEMO_TOTP_SECRET,
        mfa_enrolled_at: ENROLLED_AT,
        failed_sign_ins: 0,
        locked_until: null,
        created_at: ENROLLED_AT,
        last_sign_in_at: null,
      })),
    )
    .execute();
  return DEMO_ACCOUNTS.length;
}

/**
 * Loads the synthetic national dataset into an empty database: agencies, published reports with
 * their factors and protected fields, and (optionally) demo accounts. Deterministic for a seed.
 * Generation runs in a worker thread while this thread appends.
 */
export async function seedSyntheticData(
  instance: DuckDBInstance,
  db: Kysely<Database>,
  options: SeedOptions,
): Promise<SeedSummary> {
  const started = performance.now();
  const existing = await db
    .selectFrom("reports")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (existing.n > 0) throw new Error("The database already holds reports; seed into an empty database.");

  const stream = generateInWorker({ seed: options.seed, reports: options.reports, agencies: options.agencies ?? 3000 });
  const first = await stream.next();
  if (first.done || !("agencies" in first.value)) throw new Error("The generator sent no agencies");
  const agencies = first.value.agencies;
  const demoIds = await appendAgencies(instance, agencies, options.seed);

  const staging = await instance.connect();
  try {
    await staging.run(STAGING);
    const appender = await BulkAppender.open(
      instance,
      "seed_reports",
      ["varchar", "varchar", "varchar", "varchar"],
      staging,
    );
    for await (const batch of stream) {
      if (!("rows" in batch)) continue;
      appender.appendFlat(batch.rows);
    }
    appender.close();
    await staging.run("BEGIN TRANSACTION");
    await staging.run(`INSERT INTO reports SELECT ${f("id")}::UUID, ${f("public_number")}, ${TAXONOMY_VERSION},
      title, summary, lessons, ${f("incident_type")}, ${f("loss_potential")}, ${f("event_month")}::DATE,
      ${f("time_block")}, ${f("light")}, ${f("weather")}, ${f("officers_band")}, ${f("assignment")},
      ${f("service_band")}, ${f("census_region")}, ${f("published_month")}::DATE FROM ${SPLIT}`);
    await staging.run(`INSERT INTO report_protected SELECT ${f("id")}::UUID, ${f("state")},
      nullif(${f("agency_id")}, '')::UUID, nullif(${f("agency_size_band")}, ''), ${f("consent_level")} FROM ${SPLIT}`);
    await staging.run(`INSERT INTO report_factors
      SELECT ${f("id")}::UUID, unnest(string_split(${f("factors")}, ',')) FROM ${SPLIT}`);
    await staging.run("COMMIT");
    await staging.run("DROP TABLE seed_reports");
  } finally {
    staging.closeSync();
  }

  const demoAccounts = options.demoAccounts ? await insertDemoAccounts(db, demoIds, options.totpBox) : 0;
  await db
    .insertInto("app_meta")
    .values([
      { key: "dataset_seed", value: String(options.seed) },
      { key: "dataset_reports", value: String(options.reports) },
    ])
    .execute();
  const factorRows = await sql<{ n: number }>`SELECT count(*) AS n FROM report_factors`.execute(db);

  return {
    agencies: agencies.length,
    reports: options.reports,
    reportFactors: factorRows.rows[0]!.n,
    demoAccounts,
    seconds: (performance.now() - started) / 1000,
  };
}
