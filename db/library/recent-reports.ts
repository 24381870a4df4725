// The newest published reports, for the Atom feed. Publication is known to the month only (docs/design.md §6):
// within a month, public numbers give the order.
import type { Executor } from "../database";

export interface RecentReport {
  publicNumber: string;
  title: string;
  summary: string;
  lessons: string;
  incidentType: string;
  lossPotential: string;
  publishedMonth: string;
}

export async function getRecentReports(db: Executor, limit = 50): Promise<RecentReport[]> {
  const rows = await db
    .selectFrom("reports")
    .select(["public_number", "title", "summary", "lessons", "incident_type", "loss_potential", "published_month"])
    .orderBy("published_month", "desc")
    .orderBy("public_number", "desc")
    .limit(limit)
    .execute();
  return rows.map(reportHeading);
}

type HeadingRow = {
  public_number: string;
  title: string;
  summary: string;
  lessons: string;
  incident_type: string;
  loss_potential: string;
  published_month: string;
};

/** A report's number, texts, type, loss potential and month of publication, as the library and the feed show them. */
export function reportHeading(r: HeadingRow): RecentReport {
  return {
    publicNumber: r.public_number,
    title: r.title,
    summary: r.summary,
    lessons: r.lessons,
    incidentType: r.incident_type,
    lossPotential: r.loss_potential,
    publishedMonth: r.published_month.slice(0, 7),
  };
}
