import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// Report library. Derived tables, rebuilt from published reports by
// db/library/search-index.ts and kept current at publication by its indexReport().
// - library_documents: one row per published report with the published, de-identified fields the
//   explorer filters on, its factors and factor families as bit masks (no join with report_factors
//   per query; see db/library/factor-bits.ts) and a dense integer doc_id in publication order
//   (compact postings; "newest" = doc_id order).
// - search_postings: term → doc_id with a precomputed BM25 term-frequency weight (0–255), sorted by
//   term so that a query reads only the blocks of its terms.
// - search_vocabulary: every word seen and its term (Porter2 stem; NULL for a stop word).
// - search_terms: documents per term as of the last rebuild (new terms are added at publication with
//   a count of one); "reports like this" picks a report's rarest terms with it.
// - featured_reports: "Near miss of the week" choices, append-only (latest wins).
// No key constraints on the derived tables: they are rebuilt in bulk and DuckDB's index checks
// would only slow that down; the repository keeps one document per report.
const statements = [
  `CREATE SEQUENCE library_doc_id START 1`,
  `CREATE TABLE library_documents (
    doc_id INTEGER NOT NULL,
    report_id UUID NOT NULL,
    public_number VARCHAR NOT NULL,
    published_month DATE NOT NULL,
    event_month DATE NOT NULL,
    incident_type VARCHAR NOT NULL,
    loss_potential VARCHAR NOT NULL,
    census_region VARCHAR NOT NULL,
    light VARCHAR,
    weather VARCHAR,
    officers_band VARCHAR,
    factor_mask BIGINT NOT NULL,
    family_mask INTEGER NOT NULL,
    title_key VARCHAR NOT NULL,
    term_count INTEGER NOT NULL
  )`,
  `CREATE TABLE search_postings (
    term VARCHAR NOT NULL,
    doc_id INTEGER NOT NULL,
    weight INTEGER NOT NULL
  )`,
  `CREATE TABLE search_vocabulary (
    word VARCHAR NOT NULL,
    term VARCHAR
  )`,
  `CREATE TABLE search_terms (
    term VARCHAR NOT NULL,
    doc_freq INTEGER NOT NULL
  )`,
  `CREATE TABLE featured_reports (
    id UUID PRIMARY KEY,
    report_id UUID NOT NULL,
    chosen_by UUID NOT NULL,
    chosen_at TIMESTAMP NOT NULL
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
