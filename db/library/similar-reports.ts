// "Reports like this": first what a reader recognises (the same contributing factors, the same kind of
// incident), then, among reports that share as much, the most similar wording (BM25 weights of this
// report's most distinctive terms).
import { sql } from "kysely";
import type { Executor } from "../database";
import { factorMask, factorsOfMask } from "./factor-bits";
import { termOf, words } from "./text-analysis";

export interface SimilarReport {
  publicNumber: string;
  title: string;
  incidentType: string;
  lossPotential: string;
  publishedMonth: string;
  sharedFactors: string[];
  sameIncidentType: boolean;
}

const DISTINCTIVE_TERMS = 12;
const CANDIDATES = 2000;

export async function findSimilarReports(
  db: Executor,
  report: {
    publicNumber: string;
    incidentType: string;
    factorCodes: string[];
    title: string;
    summary: string;
    lessons: string;
  },
  limit = 5,
): Promise<SimilarReport[]> {
  const terms = [...new Set(words(`${report.title} ${report.summary} ${report.lessons}`).map(termOf))].filter(
    (t): t is string => t !== null,
  );
  // The rarest terms of this report say most about it (highest idf).
  const { rows: rare } = terms.length
    ? await sql<{ term: string }>`
        SELECT term FROM search_terms WHERE term IN (${sql.join(terms)})
        GROUP BY term ORDER BY max(doc_freq), term LIMIT ${DISTINCTIVE_TERMS}`.execute(db)
    : { rows: [] };
  const mask = sql`${sql.lit(factorMask(report.factorCodes))}::BIGINT`;
  const textScores = rare.length
    ? sql`SELECT p.doc_id, sum(p.weight) AS text_score FROM search_postings p
        WHERE p.term IN (${sql.join(rare.map((r) => r.term))}) AND p.doc_id IN (SELECT doc_id FROM candidates)
        GROUP BY p.doc_id`
    : sql`SELECT NULL::INTEGER AS doc_id, 0 AS text_score WHERE FALSE`;
  const { rows } = await sql<{
    report_id: string;
    public_number: string;
    incident_type: string;
    loss_potential: string;
    published_month: string;
    shared_mask: number;
    same_type: boolean;
  }>`
    WITH candidates AS MATERIALIZED (
      SELECT d.doc_id, d.report_id, d.public_number, d.incident_type, d.loss_potential, d.published_month,
        d.factor_mask & ${mask} AS shared_mask, d.incident_type = ${report.incidentType} AS same_type
      FROM library_documents d
      WHERE d.public_number <> ${report.publicNumber}
        AND (d.incident_type = ${report.incidentType} OR (d.factor_mask & ${mask}) <> 0)
      ORDER BY bit_count(shared_mask) DESC, same_type DESC, d.doc_id DESC
      LIMIT ${CANDIDATES})
    SELECT c.*, t.text_score FROM candidates c LEFT JOIN (${textScores}) t ON t.doc_id = c.doc_id
    ORDER BY bit_count(c.shared_mask) DESC, c.same_type DESC, t.text_score DESC NULLS LAST, c.doc_id DESC
    LIMIT ${limit}`.execute(db);
  if (rows.length === 0) return [];
  const titles = await db
    .selectFrom("reports")
    .select(["id", "title"])
    .where(
      "id",
      "in",
      rows.map((r) => r.report_id),
    )
    .execute();
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  return rows.map((r) => ({
    publicNumber: r.public_number,
    title: titleOf.get(r.report_id) ?? "",
    incidentType: r.incident_type,
    lossPotential: r.loss_potential,
    publishedMonth: r.published_month.slice(0, 7),
    sharedFactors: factorsOfMask(r.shared_mask),
    sameIncidentType: r.same_type,
  }));
}
