// "Near miss of the week": the report an administrator or reviewer chose in the last seven days, or
// else the most recently published report that could have killed or seriously injured an officer.
import { sql } from "kysely";
import type { Executor } from "../database";
import { PUBLIC_NUMBER } from "./report-page";

export const FEATURE_DAYS = 7;

export interface FeaturedReport {
  publicNumber: string;
  title: string;
  summary: string;
  incidentType: string;
  lossPotential: string;
  publishedMonth: string;
  /** Chosen by a person this week, or picked by the fallback rule. */
  chosen: boolean;
}

export async function getFeaturedReport(db: Executor, now: Date = new Date()): Promise<FeaturedReport | null> {
  const since = new Date(now.getTime() - FEATURE_DAYS * 24 * 3600 * 1000);
  const chosen = await db
    .selectFrom("featured_reports as f")
    .innerJoin("reports as r", "r.id", "f.report_id")
    .select(["r.public_number", "r.title", "r.summary", "r.incident_type", "r.loss_potential", "r.published_month"])
    .where("f.chosen_at", ">=", since)
    .orderBy("f.chosen_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const row = chosen ?? (await newestHighLossReport(db));
  if (!row) return null;
  return {
    publicNumber: row.public_number,
    title: row.title,
    summary: row.summary,
    incidentType: row.incident_type,
    lossPotential: row.loss_potential,
    publishedMonth: row.published_month.slice(0, 7),
    chosen: chosen !== undefined,
  };
}

/** The fallback: in the library's publication order (doc_id), so "newest" reads little. */
async function newestHighLossReport(db: Executor) {
  const newest = await db
    .selectFrom("library_documents")
    .select("report_id")
    .where("loss_potential", "in", ["fatality", "serious_injury"])
    .orderBy("published_month", "desc")
    .orderBy(sql`loss_potential = 'fatality'`, "desc")
    .orderBy("doc_id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!newest) return undefined;
  return db
    .selectFrom("reports as r")
    .select(["r.public_number", "r.title", "r.summary", "r.incident_type", "r.loss_potential", "r.published_month"])
    .where("r.id", "=", newest.report_id)
    .executeTakeFirst();
}

export class UnknownReportError extends Error {}

/** Records a choice (append-only: the history of choices stays). The caller checks the chooser's role. */
export async function chooseFeaturedReport(
  db: Executor,
  publicNumber: string,
  userId: string,
  now: Date = new Date(),
): Promise<void> {
  const report = PUBLIC_NUMBER.test(publicNumber)
    ? await db.selectFrom("reports").select("id").where("public_number", "=", publicNumber).executeTakeFirst()
    : undefined;
  if (!report) throw new UnknownReportError(`No published report ${publicNumber}`);
  await db
    .insertInto("featured_reports")
    .values({ id: crypto.randomUUID(), report_id: report.id, chosen_by: userId, chosen_at: now })
    .execute();
}
