import type { Selectable } from "kysely";
import type { ColumnSpecs } from "./columns";

/** A member's named view of the agency dashboard: the page's path and query (its choices), nothing else. */
export interface SavedViewTable {
  id: string;
  user_id: string;
  name: string;
  /** "/agency?period=2025&vs=size" — always the agency page, checked before it is stored. */
  path: string;
  created_at: Date;
}

export type SavedView = Selectable<SavedViewTable>;

export const savedViewColumns = {
  id: "UUID",
  user_id: "UUID",
  name: "VARCHAR",
  path: "VARCHAR",
  created_at: "TIMESTAMP",
} as const satisfies ColumnSpecs<SavedViewTable>;
