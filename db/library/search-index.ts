// The library's derived tables (migration 0400): built in bulk from published reports after seeding
// and by `closecall rebuild`, and kept current one report at a time by indexReport() at publication.
// Tokenising runs inside DuckDB (regexp_extract_all over every narrative); only the distinct words
// pass through JavaScript to be stemmed, so the bulk build does not move the text out of the database.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, Executor } from "../database";
import { FACTOR_CODES, factorMask, familiesOf, familyMask } from "./factor-bits";
import { ANALYSER_VERSION, termOf, WORD_PATTERN } from "./text-analysis";
import { inTransaction } from "../in-transaction";

/** BM25 parameters (Robertson's defaults) and field weights: a title word counts three times. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;
const TITLE_WEIGHT = 3;

const words = (column: string) => sql.raw(`regexp_extract_all(lower(strip_accents(${column})), '${WORD_PATTERN}')`);

/** Each factor code with its bit and its family's bit, as SQL VALUES rows. */
function factorBitRows() {
  return sql.join(
    FACTOR_CODES.map(
      (code) =>
        sql`(${code}, ${sql.lit(factorMask([code]))}::BIGINT, ${sql.lit(familyMask(familiesOf([code])))}::INTEGER)`,
    ),
  );
}

/** Rebuilds write postings this many documents at a time, so memory stays bounded at any library size. */
const CHUNK_DOCUMENTS = 250_000;

/**
 * Every word of the reports in the temp table `new_docs` (doc_id, report_id), with its field weight;
 * optionally only the doc ids in [from, to).
 */
function tokens(range?: { from: number; to: number }) {
  const docs = range
    ? sql`(SELECT * FROM new_docs WHERE doc_id >= ${range.from} AND doc_id < ${range.to})`
    : sql`new_docs`;
  return sql`
    SELECT d.doc_id, ${sql.lit(TITLE_WEIGHT)} AS weight, unnest(${words("r.title")}) AS word
      FROM ${docs} d JOIN reports r ON r.id = d.report_id
    UNION ALL
    SELECT d.doc_id, 1, unnest(${words("r.summary || ' ' || r.lessons")})
      FROM ${docs} d JOIN reports r ON r.id = d.report_id`;
}

/** Word → term for indexed words (DISTINCT: two publications at once may both have added a word). */
const indexedWords = sql`(SELECT DISTINCT word, term FROM search_vocabulary WHERE term IS NOT NULL)`;

/**
 * Stems the words that the vocabulary does not know yet. Only distinct words reach JavaScript, and
 * they are few (the vocabulary of a language is small; about a thousand in the synthetic corpus).
 */
async function extendVocabulary(trx: Transaction<Database>): Promise<void> {
  const { rows } = await sql<{ word: string }>`
    SELECT DISTINCT t.word FROM (${tokens()}) t
    WHERE NOT EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.word = t.word)`.execute(trx);
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000).map(({ word }) => ({ word, term: termOf(word) }));
    await trx.insertInto("search_vocabulary").values(batch).execute();
  }
}

/** The documents of `new_docs`, with their published fields, factor bits and BM25 length (indexed terms). */
async function writeDocuments(trx: Transaction<Database>): Promise<void> {
  await sql`INSERT INTO library_documents
    SELECT d.doc_id, r.id, r.public_number, r.published_month, r.event_month, r.incident_type, r.loss_potential,
      r.census_region, r.light, r.weather, r.officers_band,
      coalesce(f.factor_mask, 0), coalesce(f.family_mask, 0),
      array_to_string(${words("r.title")}, ' '), coalesce(l.term_count, 0)
    FROM new_docs d
    JOIN reports r ON r.id = d.report_id
    LEFT JOIN (
      SELECT t.doc_id, sum(t.weight)::INTEGER AS term_count FROM (${tokens()}) t JOIN ${indexedWords} v
        ON v.word = t.word
      GROUP BY t.doc_id) l ON l.doc_id = d.doc_id
    LEFT JOIN (
      SELECT rf.report_id, bit_or(m.factor_bit) AS factor_mask, bit_or(m.family_bit) AS family_mask
      FROM report_factors rf
      JOIN new_docs nd ON nd.report_id = rf.report_id
      JOIN (VALUES ${factorBitRows()}) m(code, factor_bit, family_bit) ON m.code = rf.factor_code
      GROUP BY rf.report_id) f ON f.report_id = r.id`.execute(trx);
}

/**
 * Postings of the `new_docs` in [from, to): term frequency straight from the token stream (the
 * vocabulary is a small hash table), stored as the BM25 term-frequency component for `avgdl`.
 * Sorted by term, so a query reads only the row groups of its terms.
 */
async function writePostings(
  trx: Transaction<Database>,
  avgdl: number,
  range?: { from: number; to: number },
): Promise<void> {
  await sql`INSERT INTO search_postings
    SELECT t.term, t.doc_id,
      round(100 * t.tf * ${BM25.k1 + 1} / (t.tf + ${BM25.k1} * (${1 - BM25.b} + ${BM25.b} * l.term_count
        / ${avgdl}::DOUBLE)))::INTEGER
    FROM (
      SELECT v.term, t.doc_id, sum(t.weight)::INTEGER AS tf
      FROM (${tokens(range)}) t JOIN ${indexedWords} v ON v.word = t.word
      GROUP BY ALL) t
    JOIN library_documents l ON l.doc_id = t.doc_id
    ORDER BY t.term, t.doc_id`.execute(trx);
}

async function averageLength(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("library_documents")
    .select((eb) => eb.fn.avg<number | null>("term_count").as("avgdl"))
    .executeTakeFirstOrThrow();
  return row.avgdl && row.avgdl > 0 ? row.avgdl : 1;
}

/** Records which text analysis built the index (app_meta), so a later one knows to rebuild it. */
async function recordAnalyser(trx: Transaction<Database>): Promise<void> {
  await sql`INSERT INTO app_meta (key, value) VALUES (${ANALYSER_KEY}, ${ANALYSER_VERSION})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(trx);
}

export const ANALYSER_KEY = "search_analyser";

/** True when the index was built by another text analysis (or by one before it was recorded). */
async function analyserChanged(trx: Transaction<Database>): Promise<boolean> {
  const row = await trx.selectFrom("app_meta").select("value").where("key", "=", ANALYSER_KEY).executeTakeFirst();
  return row?.value !== ANALYSER_VERSION;
}

/** The whole rebuild, inside the caller's transaction. */
async function rebuildWithin(trx: Transaction<Database>): Promise<void> {
  await sql`DELETE FROM search_postings`.execute(trx);
  await sql`DELETE FROM library_documents`.execute(trx);
  await sql`DELETE FROM search_vocabulary`.execute(trx);
  await sql`DELETE FROM search_terms`.execute(trx);
  await sql`CREATE OR REPLACE TEMP TABLE new_docs AS
    SELECT (row_number() OVER (ORDER BY published_month, public_number))::INTEGER AS doc_id, id AS report_id
    FROM reports`.execute(trx);
  await extendVocabulary(trx);
  await writeDocuments(trx);
  const avgdl = await averageLength(trx);
  const { rows } = await sql<{
    next: number;
  }>`SELECT coalesce(max(doc_id), 0) + 1 AS next FROM library_documents`.execute(trx);
  for (let from = 1; from < rows[0]!.next; from += CHUNK_DOCUMENTS) {
    await writePostings(trx, avgdl, { from, to: from + CHUNK_DOCUMENTS });
  }
  await sql`DROP TABLE new_docs`.execute(trx);
  await sql`INSERT INTO search_terms SELECT term, count(*)::INTEGER FROM search_postings GROUP BY term`.execute(trx);
  await sql.raw(`CREATE OR REPLACE SEQUENCE library_doc_id START ${Number(rows[0]!.next)}`).execute(trx);
  await recordAnalyser(trx);
}

/**
 * Rebuilds the library's documents, postings and vocabulary from every published report. Doc ids
 * follow publication order (published month, then public number), so "newest first" is doc_id order.
 */
export async function rebuildSearchIndex(db: Kysely<Database>): Promise<{ documents: number; postings: number }> {
  await db.transaction().execute(rebuildWithin);
  const { rows } = await sql<{ documents: number; postings: number }>`
    SELECT (SELECT count(*) FROM library_documents) AS documents, (SELECT count(*) FROM search_postings)
      AS postings`.execute(db);
  return rows[0]!;
}

/**
 * Adds a just-published report to the library (or refreshes it after a correction); a report that is
 * no longer published is removed. Publication calls it for each new report after the batch commits
 * (orchestration/derived-data.ts); it runs inside the caller's transaction when given one.
 */
export async function indexReport(db: Executor, reportId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    // The vocabulary holds each word's term as the analysis of its day made it: after the analysis
    // changed (an upgrade), new words must not join an index of old terms. Rebuilt once, whole.
    if (await analyserChanged(trx)) return rebuildWithin(trx);
    // A report already in the library keeps its doc id, which is its place in "newest first": a new id
    // would lift every re-indexed report to the top — after an agency leaves the programme, a block of
    // exactly the reports linked to it (a protected field, docs/design.md §6).
    const indexed = await trx
      .selectFrom("library_documents")
      .select("doc_id")
      .where("report_id", "=", reportId)
      .executeTakeFirst();
    await removeFromIndex(trx, reportId);
    const report = await trx.selectFrom("reports").select("id").where("id", "=", reportId).executeTakeFirst();
    if (!report) return;
    const avgdl = await averageLength(trx);
    const docId = indexed ? sql`${indexed.doc_id}` : sql`nextval('library_doc_id')`;
    await sql`CREATE OR REPLACE TEMP TABLE new_docs AS
      SELECT ${docId}::INTEGER AS doc_id, id AS report_id FROM reports WHERE id = ${reportId}`.execute(trx);
    await extendVocabulary(trx);
    await writeDocuments(trx);
    await writePostings(trx, avgdl);
    await sql`DROP TABLE new_docs`.execute(trx);
    // Insert-only (no UPDATE of shared rows), so concurrent publications never conflict here.
    await sql`INSERT INTO search_terms
      SELECT DISTINCT p.term, 1 FROM search_postings p JOIN library_documents d ON d.doc_id = p.doc_id
      WHERE d.report_id = ${reportId} AND NOT EXISTS (SELECT 1 FROM search_terms t WHERE t.term = p.term)`.execute(trx);
  });
}

/** Takes a report out of the library (e.g. withdrawn after publication). */
export async function removeFromIndex(db: Executor, reportId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const docs = await trx.selectFrom("library_documents").select("doc_id").where("report_id", "=", reportId).execute();
    if (docs.length === 0) return;
    const ids = docs.map((d) => d.doc_id);
    await trx.deleteFrom("search_postings").where("doc_id", "in", ids).execute();
    await trx.deleteFrom("library_documents").where("doc_id", "in", ids).execute();
  });
}
