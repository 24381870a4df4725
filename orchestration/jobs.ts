import { Cron } from "croner";
import type { Kysely } from "kysely";
import type { AppConfig } from "./config";
import type { Database } from "../db/database";
import { loadServerKey } from "../db/intake/server-key";
import { destroyDueSubmissions, returnUnansweredQuestions } from "../db/review/retention";
import { releaseClosedQuarters } from "./book-release";
import { type Deployment, deploymentOf } from "./deployment";
import { publishBatch } from "./publication";

/**
 * The daily jobs: publish the approved reports as one batch, time out unanswered questions,
 * destroy raw submissions past their retention window, and release the agencies' books for quarters
 * that have closed, every day at 03:00 UTC. At start-up all but publication catch up (a
 * missed day must not keep raw text longer); publication waits for its hour, so restarts do not change
 * when batches appear. With several processes (scale-out) the first to reach them runs them; the others
 * find them taken and leave them.
 */
export async function runDailyJobs(
  target: Kysely<Database> | Deployment,
  config: AppConfig,
  log: (line: string) => void,
  options: { publish: boolean },
): Promise<void> {
  const deployment = deploymentOf(target);
  await deployment.ifNobodyElse("closecall daily jobs", () => dailyJobs(deployment, config, log, options));
}

async function dailyJobs(
  deployment: Deployment,
  config: AppConfig,
  log: (line: string) => void,
  options: { publish: boolean },
): Promise<void> {
  const db = deployment.db;
  // Each step on its own: a publication that fails (or cannot run) must never hold raw text past its
  // retention window (docs/design.md §6), and is retried at the next run.
  const step = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      log(`${name} failed (retried at the next run): ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const privacy = { k: config.privacyK, agencyMinReports: config.agencyMinReports };
  if (options.publish) {
    await step("Publication", async () => {
      const key = loadServerKey({ envKey: config.intakeKey, dataDir: config.dataDir });
      if (!key.ok) return log(`Publication skipped: ${key.reason}`);
      const batch = await publishBatch(deployment, key.key, {
        retentionDays: config.retentionDays,
        runBy: null,
        privacy,
        log,
      });
      if (batch.reportIds.length) log(`Publication batch: ${batch.reportIds.length} report(s) published.`);
    });
  }
  await step("Question time-outs", async () => {
    const timedOut = await returnUnansweredQuestions(db);
    if (timedOut.length) log(`${timedOut.length} unanswered question(s) timed out; the reports went back to review.`);
  });
  await step("Destruction of raw submissions", async () => {
    const destroyed = await destroyDueSubmissions(db);
    if (destroyed.length) log(`Destroyed the raw data of ${destroyed.length} submission(s) past the retention window.`);
  });
  // Quarters close by the calendar: a day without publications still releases a quarter that has ended
  // (at start-up too, which is how a new demo database gets its books).
  await step("Release book", async () => void (await releaseClosedQuarters(deployment, privacy, log)));
}

export function startDailyJobs(
  deployment: Kysely<Database> | Deployment,
  config: AppConfig,
  log: (line: string) => void,
): Cron {
  const run = (publish: boolean) =>
    runDailyJobs(deployment, config, log, { publish }).catch((error: unknown) =>
      log(`Daily jobs failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  void run(false);
  return new Cron("0 3 * * *", { timezone: "UTC", protect: true }, () => run(true));
}
