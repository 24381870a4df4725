import type { Kysely } from "kysely";
import type { AppConfig } from "../orchestration/config";
import type { Database } from "../db/database";
import { demoPartnerCode } from "../db/security/partner-code";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../db/synthetic/demo-accounts";
import { DEMO_AGENCIES } from "../db/synthetic/generate-agencies";
import { seedSyntheticData } from "../db/synthetic/seed";
import type { OpenDatabase } from "../db/open";
import type { SecretBox } from "../db/security/secret-box";
import { rebuildDerivedData } from "../orchestration/derived-data";

async function metaValue(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("app_meta").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

/**
 * Seeds the synthetic national dataset and demo accounts the first time a demo server starts.
 * Later starts find `dataset_seed` in app_meta and leave the data alone.
 */
export async function seedOnFirstStart(
  database: OpenDatabase,
  config: AppConfig,
  log: (line: string) => void,
  totpBox: SecretBox | undefined,
): Promise<void> {
  const { instance, db } = database;
  if (!config.demo) return;
  if ((await metaValue(db, "dataset_seed")) !== undefined) return;
  log(
    `First start: generating the synthetic national dataset (${config.seedReports.toLocaleString("en-US")} ` +
      `reports, ${config.seedAgencies.toLocaleString("en-US")} agencies, seed ${config.seed})…`,
  );
  const summary = await seedSyntheticData(instance, db, {
    reports: config.seedReports,
    agencies: config.seedAgencies,
    seed: config.seed,
    demoAccounts: true,
    totpBox,
  });
  log(
    `Loaded ${summary.agencies} agencies and ${summary.reports.toLocaleString("en-US")} reports ` +
      `in ${summary.seconds.toFixed(1)} s.`,
  );
  await rebuildDerivedData(database, log);
}

/** What a newcomer needs to try the demo: URL, accounts, the shared TOTP secret and partner codes. */
export async function demoBanner(db: Kysely<Database>, config: AppConfig, url: string): Promise<string> {
  const lines = [``, `Close Call is running at ${url}`];
  if (!config.publicUrlConfigured)
    lines.push(`PUBLIC_URL is not set: invitation and reset links and the feed point at ${config.publicUrl}.`);
  if (!config.demo) {
    lines.push("No demo data: demo accounts are disabled (start with --demo or CLOSECALL_DEMO=1 for them).");
    return lines.join("\n");
  }
  const seed = Number((await metaValue(db, "dataset_seed")) ?? config.seed);
  // A database seeded by `closecall seed` without --demo-accounts has none: list only those that exist.
  const present = new Set(
    (
      await db
        .selectFrom("users")
        .select("email")
        .where(
          "email",
          "in",
          DEMO_ACCOUNTS.map((a) => a.email),
        )
        .execute()
    ).map((u) => u.email),
  );
  const accounts = DEMO_ACCOUNTS.filter((a) => present.has(a.email));
  if (accounts.length === 0) {
    lines.push(
      ``,
      `Demo mode, but this database has no demo accounts (seed it with \`closecall seed --demo-accounts\`).`,
      ``,
    );
    return lines.join("\n");
  }
  lines.push(
    ``,
    `Demo mode — never use these credentials in production.`,
    `  Password for every demo account: ${DEMO_PASSWORD}`,
    `  TOTP secret for every demo account: ${DEMO_TOTP_SECRET} (add it to any authenticator app)`,
    `  Accounts:`,
    ...accounts.map((a) => `    ${a.email.padEnd(42)} ${a.role}${a.agency ? ` (${a.agency})` : ""}`),
    `  Partner codes for the report form:`,
    ...DEMO_AGENCIES.map((a) => `    ${a.name.padEnd(34)} ${demoPartnerCode(seed, a.key)}`),
    ``,
  );
  return lines.join("\n");
}
