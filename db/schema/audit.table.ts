import type { ColumnSpecs } from "./columns";
import type { Selectable } from "kysely";

/** Append-only, hash-chained record of authenticated actions. Never holds anything about submitters. */
export interface AuditLogTable {
  seq: number;
  occurred_at: Date;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON text. */
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export type AuditEntry = Selectable<AuditLogTable>;

export interface AppMetaTable {
  key: string;
  value: string;
}

export const auditLogColumns = {
  seq: "BIGINT",
  occurred_at: "TIMESTAMP",
  actor_user_id: "UUID?",
  action: "VARCHAR",
  target_type: "VARCHAR?",
  target_id: "VARCHAR?",
  detail: "VARCHAR?",
  prev_hash: "VARCHAR",
  hash: "VARCHAR",
} as const satisfies ColumnSpecs<AuditLogTable>;

export const appMetaColumns = {
  key: "VARCHAR",
  value: "VARCHAR",
} as const satisfies ColumnSpecs<AppMetaTable>;
