import type { Kysely } from "kysely";
import type { Database } from "../db/database";
import type { ServerKey } from "../db/intake/server-key";
import { type BatchResult, runPublicationBatch } from "../db/review/publication";
import { refreshDerivedData } from "./derived-data";

/**
 * Every publication path (daily job, CLI, the reviewers' "publish now" button) goes through here, so the
 * derived tables (search index, analytics rollups) always include the new reports.
 */
export async function publishBatch(db: Kysely<Database>, key: ServerKey, options: { today?: string; retentionDays: number; runBy: string | null }): Promise<BatchResult> {
  const result = await runPublicationBatch(db, key, options);
  await refreshDerivedData(db, result.reportIds);
  return result;
}
