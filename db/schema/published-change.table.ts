import type { Generated } from "kysely";
import type { ColumnSpecs } from "./columns";

/**
 * One change to what is published (a report published, or its agency link removed when the agency left),
 * in the order the changes were committed: how each process's analytics copy catches up (docs/scale-out.md).
 * No time is kept, and a batch's reports are written in id order (random UUIDs), so the feed says nothing
 * about when or in what order anything was submitted (docs/design.md §6, intake invariants 3 and 7).
 */
export interface PublishedChangeTable {
  /** From the sequence published_change_seq. */
  seq: Generated<number>;
  report_id: string;
}

export const publishedChangeColumns = {
  seq: "BIGINT",
  report_id: "UUID",
} as const satisfies ColumnSpecs<PublishedChangeTable>;
