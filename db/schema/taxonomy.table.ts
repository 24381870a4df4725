import type { ColumnSpecs } from "./columns";
import type { Selectable } from "kysely";

export interface TaxonomyVersionTable {
  version: number;
  label: string;
  effective_on: string;
  is_current: boolean;
}

/** Every coded list of a taxonomy version, one row per term; `parent_code` links a factor to its family. */
export interface TaxonomyTermTable {
  version: number;
  kind: string;
  code: string;
  label: string;
  parent_code: string | null;
  position: number;
}

export type TaxonomyTerm = Selectable<TaxonomyTermTable>;

export const taxonomyVersionColumns = {
  version: "INTEGER",
  label: "VARCHAR",
  effective_on: "DATE",
  is_current: "BOOLEAN",
} as const satisfies ColumnSpecs<TaxonomyVersionTable>;

export const taxonomyTermColumns = {
  version: "INTEGER",
  kind: "VARCHAR",
  code: "VARCHAR",
  label: "VARCHAR",
  parent_code: "VARCHAR?",
  position: "INTEGER",
} as const satisfies ColumnSpecs<TaxonomyTermTable>;
