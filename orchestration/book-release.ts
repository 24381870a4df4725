import type { Kysely } from "kysely";
import { type ReleaseSummary, releaseBook } from "../analytics/release-book/release-job";
import type { Database } from "../db/database";
import { type Deployment, deploymentOf } from "./deployment";

export interface BookReleaseRules {
  k: number;
  agencyMinReports: number;
}

// One release at a time per process. The lock is on globalThis because the server's own modules and the
// Remix build each load a copy of this file into the same process (the daily job runs from one, the
// reviewers' "publish now" from the other) and both write the same tables.
const LOCK = Symbol.for("closecall.book-release");
const STOP = Symbol.for("closecall.book-release.stop");
type Holder = { [LOCK]?: Promise<unknown>; [STOP]?: AbortController };

function stopController(): AbortController {
  const holder = globalThis as Holder;
  return (holder[STOP] ??= new AbortController());
}

/**
 * Stops a running release between two agencies and waits for it (the server calls this before it closes
 * the database). A year's books are stored together at its end, so a stopped release stores nothing of
 * the year it was in; the next start releases it again.
 */
export async function stopReleases(): Promise<void> {
  const holder = globalThis as Holder;
  stopController().abort();
  while (holder[LOCK]) await holder[LOCK].catch(() => undefined);
}

/**
 * Releases every closed quarter the agencies' books do not have yet (docs/design.md §6.1): after each
 * publication batch, by the daily job (quarters close by date) and at start-up. Waits for a release
 * already running, then runs its own (which finds nothing left to do when that one covered it).
 */
export async function releaseClosedQuarters(
  target: Kysely<Database> | Deployment,
  rules: BookReleaseRules,
  log: (line: string) => void,
  today = new Date().toISOString().slice(0, 10),
): Promise<ReleaseSummary> {
  const holder = globalThis as Holder;
  while (holder[LOCK]) await holder[LOCK].catch(() => undefined);
  const deployment = deploymentOf(target);
  // Across processes (scale-out) one release at a time too; the copy catches up first, so its counts
  // hold whatever another process published and released before this one got the lock.
  const run = deployment.exclusively("closecall book release", async () => {
    await deployment.refreshAnalytics([]);
    const summary = await releaseBook(deployment.db, {
      today,
      rules,
      log,
      signal: stopController().signal,
      counts: deployment.analytics,
    });
    if (summary.releases > 0) await deployment.refreshAnalytics([]);
    return summary;
  });
  holder[LOCK] = run;
  try {
    const summary = await run;
    if (summary.releases > 0) {
      log(
        `Release book: ${summary.releases} book(s) released up to ${summary.upTo} ` +
          `in ${summary.seconds.toFixed(1)} s (${summary.lpSolves} linear programs).`,
      );
    }
    return summary;
  } finally {
    if (holder[LOCK] === run) delete holder[LOCK];
  }
}
