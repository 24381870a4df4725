import type { Selectable } from "kysely";
import type { ColumnSpecs } from "./columns";

/**
 * A read-only API token of a partner agency (Exports and API). The secret itself is never stored:
 * only its SHA-256 (`token_hash`) and its first characters (`token_prefix`) for recognition.
 */
export interface ApiTokenTable {
  id: string;
  agency_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  /** The commander who created it; the token stops working when they no longer command the agency. */
  created_by: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export type ApiToken = Selectable<ApiTokenTable>;

export const apiTokenColumns = {
  id: "UUID",
  agency_id: "UUID",
  name: "VARCHAR",
  token_hash: "VARCHAR",
  token_prefix: "VARCHAR",
  created_by: "UUID",
  created_at: "TIMESTAMP",
  expires_at: "TIMESTAMP",
  last_used_at: "TIMESTAMP?",
  revoked_at: "TIMESTAMP?",
  revoked_by: "UUID?",
} as const satisfies ColumnSpecs<ApiTokenTable>;
