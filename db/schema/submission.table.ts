import type { ColumnSpecs } from "./columns";
import type { Insertable, Selectable, Updateable } from "kysely";

export type SubmissionStatus =
  "received" | "in_review" | "awaiting_approval" | "waiting_for_officer" | "published" | "not_published";

/**
 * A raw submission. The officer's words exist only in `ciphertext` (AES-256-GCM under a per-submission
 * data key, itself wrapped by the server key). Only the date of receipt is kept, never a time (docs/design.md §6.3).
 */
export interface SubmissionTable {
  id: string;
  received_on: string;
  status: SubmissionStatus;
  /** Keyed hash of the receipt code; the code itself is never stored. */
  receipt_hash: string;
  consent_level: "national" | "agency_stats" | "agency_share";
  agency_id: string | null;
  key_id: string;
  /** The wrapped data key; set to NULL to destroy the submission (crypto-shred). */
  wrapped_key: Uint8Array | null;
  ciphertext: Uint8Array | null;
  nonce: Uint8Array | null;
  /** Keyed hash of the normalised narrative, to flag duplicates for review. */
  narrative_fingerprint: string | null;
  possible_duplicate_of: string | null;
  duplicate_of: string | null;
  rejection_reason: string | null;
  report_id: string | null;
  decided_on: string | null;
  destroy_on: string | null;
  destroyed_on: string | null;
  /** Review (migration 0300). Who completed stage 1 (de-identify and code) last; a different reviewer must approve. */
  stage1_by: string | null;
  approved_by: string | null;
  approved_on: string | null;
  /** The working draft, encrypted with the submission's data key (destroyed with it). */
  draft_ciphertext: Uint8Array | null;
  draft_nonce: Uint8Array | null;
}

export type Submission = Selectable<SubmissionTable>;
export type NewSubmission = Insertable<SubmissionTable>;
export type SubmissionUpdate = Updateable<SubmissionTable>;

/** The anonymous thread between reviewers and the officer, encrypted with the submission's data key. */
export interface SubmissionMessageTable {
  id: string;
  submission_id: string;
  author: "reviewer" | "officer";
  reviewer_id: string | null;
  ciphertext: Uint8Array | null;
  nonce: Uint8Array | null;
  created_on: string;
  position: number;
}

export type SubmissionMessage = Selectable<SubmissionMessageTable>;

export interface ReviewActionTable {
  id: string;
  submission_id: string;
  reviewer_id: string;
  stage: number;
  action: string;
  note: string | null;
  created_at: Date;
}

export type ReviewAction = Selectable<ReviewActionTable>;

export const submissionColumns = {
  id: "UUID",
  received_on: "DATE",
  status: "VARCHAR",
  receipt_hash: "VARCHAR",
  consent_level: "VARCHAR",
  agency_id: "UUID?",
  key_id: "VARCHAR",
  wrapped_key: "BLOB?",
  ciphertext: "BLOB?",
  nonce: "BLOB?",
  narrative_fingerprint: "VARCHAR?",
  possible_duplicate_of: "UUID?",
  duplicate_of: "UUID?",
  rejection_reason: "VARCHAR?",
  report_id: "UUID?",
  decided_on: "DATE?",
  destroy_on: "DATE?",
  destroyed_on: "DATE?",
  stage1_by: "UUID?",
  approved_by: "UUID?",
  approved_on: "DATE?",
  draft_ciphertext: "BLOB?",
  draft_nonce: "BLOB?",
} as const satisfies ColumnSpecs<SubmissionTable>;

export const submissionMessageColumns = {
  id: "UUID",
  submission_id: "UUID",
  author: "VARCHAR",
  reviewer_id: "UUID?",
  ciphertext: "BLOB?",
  nonce: "BLOB?",
  created_on: "DATE",
  position: "INTEGER",
} as const satisfies ColumnSpecs<SubmissionMessageTable>;

export const reviewActionColumns = {
  id: "UUID",
  submission_id: "UUID",
  reviewer_id: "UUID",
  stage: "INTEGER",
  action: "VARCHAR",
  note: "VARCHAR?",
  created_at: "TIMESTAMP",
} as const satisfies ColumnSpecs<ReviewActionTable>;
