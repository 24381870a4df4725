import type { Kysely } from "kysely";
import type { Database } from "../db/database";
import type { ServerKey } from "../db/intake/server-key";
import { type BatchResult, runPublicationBatch } from "../db/review/publication";
import { type BookReleaseRules, releaseClosedQuarters } from "./book-release";
import { type Deployment, deploymentOf } from "./deployment";

/**
 * Every publication path (daily job, CLI, the reviewers' "publish now" button) goes through here, so the
 * derived tables (search index, analytics rollups) always include the new reports, and the agencies'
 * release books get any quarter that has closed since their last release (usually none: a release runs
 * once a quarter, and publications of a quarter that is still open never touch a released cell).
 */
export async function publishBatch(
  target: Kysely<Database> | Deployment,
  key: ServerKey,
  options: {
    today?: string;
    retentionDays: number;
    runBy: string | null;
    privacy: BookReleaseRules;
    log?: (line: string) => void;
  },
): Promise<BatchResult> {
  const deployment = deploymentOf(target);
  const result = await runPublicationBatch(deployment.db, key, options);
  await deployment.refreshAnalytics(result.reportIds);
  await releaseClosedQuarters(deployment, options.privacy, options.log ?? (() => undefined), options.today);
  return result;
}
