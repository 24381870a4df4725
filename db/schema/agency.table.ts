import type { ColumnSpecs } from "./columns";
import type { Insertable, Selectable, Updateable } from "kysely";

export type AgencyStatus = "applied" | "active" | "declined" | "left";

/** Agency name, state and size band are protected fields (docs/design.md §6): never shown on a report. */
export interface AgencyTable {
  id: string;
  name: string;
  state: string;
  census_region: string;
  size_band: string;
  status: AgencyStatus;
  /** Hash of the current partner code; NULL unless the agency is active. */
  partner_code_hash: string | null;
  contact_name: string | null;
  contact_email: string | null;
  applied_at: Date;
  decided_at: Date | null;
  left_at: Date | null;
  is_synthetic: boolean;
}

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;

export const agencyColumns = {
  id: "UUID",
  name: "VARCHAR",
  state: "VARCHAR",
  census_region: "VARCHAR",
  size_band: "VARCHAR",
  status: "VARCHAR",
  partner_code_hash: "VARCHAR?",
  contact_name: "VARCHAR?",
  contact_email: "VARCHAR?",
  applied_at: "TIMESTAMP",
  decided_at: "TIMESTAMP?",
  left_at: "TIMESTAMP?",
  is_synthetic: "BOOLEAN",
} as const satisfies ColumnSpecs<AgencyTable>;
