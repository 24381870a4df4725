import type { ColumnSpecs } from "./columns";
import type { Selectable } from "kysely";

/** One publication batch: reports approved since the last batch, published together (migration 0300). */
export interface PublicationBatchTable {
  id: string;
  run_on: string;
  /** The month the batch's reports carry as published_month (first day; never a day). */
  published_month: string;
  report_count: number;
  /** The reviewer or administrator who pressed "publish now"; null for the daily job or the CLI. */
  run_by: string | null;
}

export type PublicationBatch = Selectable<PublicationBatchTable>;

/**
 * Who holds a submission under review (one reviewer at a time) and until when. Apart from `submissions`
 * so that intake tables hold no time of day; a free claim has both fields NULL.
 */
export interface ReviewClaimTable {
  submission_id: string;
  reviewer_id: string | null;
  expires_at: Date | null;
}

export const reviewClaimColumns = {
  submission_id: "UUID",
  reviewer_id: "UUID?",
  expires_at: "TIMESTAMP?",
} as const satisfies ColumnSpecs<ReviewClaimTable>;

export const publicationBatchColumns = {
  id: "UUID",
  run_on: "DATE",
  published_month: "DATE",
  report_count: "INTEGER",
  run_by: "UUID?",
} as const satisfies ColumnSpecs<PublicationBatchTable>;
