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

export const publicationBatchColumns = {
  id: "UUID",
  run_on: "DATE",
  published_month: "DATE",
  report_count: "INTEGER",
  run_by: "UUID?",
} as const satisfies ColumnSpecs<PublicationBatchTable>;
