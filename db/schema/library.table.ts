import type { ColumnSpecs } from "./columns";
import type { Selectable } from "kysely";

/**
 * Derived from a published report (db/library/search-index.ts): only published, de-identified
 * fields, plus the dense `doc_id` that the search postings use.
 */
export interface LibraryDocumentTable {
  doc_id: number;
  report_id: string;
  public_number: string;
  published_month: string;
  event_month: string;
  incident_type: string;
  loss_potential: string;
  census_region: string;
  light: string | null;
  weather: string | null;
  officers_band: string | null;
  /** Bit i set: the report cites factor i of the taxonomy (db/library/factor-bits.ts). */
  factor_mask: number;
  family_mask: number;
  /** The title's words, lower case, single-spaced: an exact-title query matches it. */
  title_key: string;
  /** Weighted number of indexed terms (BM25 document length). */
  term_count: number;
}

export type LibraryDocument = Selectable<LibraryDocumentTable>;

export interface SearchPostingTable {
  term: string;
  doc_id: number;
  /** BM25 term-frequency component × 100, rounded (see search-index.ts). */
  weight: number;
}

export interface SearchVocabularyTable {
  word: string;
  /** Porter2 stem, or NULL for a stop word. */
  term: string | null;
}

/** Documents per term at the last rebuild (approximate after it: publication adds new terms at 1). */
export interface SearchTermTable {
  term: string;
  doc_freq: number;
}

/** "Near miss of the week" choices; append-only, the latest one is shown. */
export interface FeaturedReportTable {
  id: string;
  report_id: string;
  chosen_by: string;
  chosen_at: Date;
}

export const libraryDocumentColumns = {
  doc_id: "INTEGER",
  report_id: "UUID",
  public_number: "VARCHAR",
  published_month: "DATE",
  event_month: "DATE",
  incident_type: "VARCHAR",
  loss_potential: "VARCHAR",
  census_region: "VARCHAR",
  light: "VARCHAR?",
  weather: "VARCHAR?",
  officers_band: "VARCHAR?",
  factor_mask: "BIGINT",
  family_mask: "INTEGER",
  title_key: "VARCHAR",
  term_count: "INTEGER",
} as const satisfies ColumnSpecs<LibraryDocumentTable>;

export const searchPostingColumns = {
  term: "VARCHAR",
  doc_id: "INTEGER",
  weight: "INTEGER",
} as const satisfies ColumnSpecs<SearchPostingTable>;

export const searchVocabularyColumns = {
  word: "VARCHAR",
  term: "VARCHAR?",
} as const satisfies ColumnSpecs<SearchVocabularyTable>;

export const searchTermColumns = {
  term: "VARCHAR",
  doc_freq: "INTEGER",
} as const satisfies ColumnSpecs<SearchTermTable>;

export const featuredReportColumns = {
  id: "UUID",
  report_id: "UUID",
  chosen_by: "UUID",
  chosen_at: "TIMESTAMP",
} as const satisfies ColumnSpecs<FeaturedReportTable>;
