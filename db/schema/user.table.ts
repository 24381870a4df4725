import type { ColumnSpecs } from "./columns";
import type { Insertable, Selectable, Updateable } from "kysely";

export const roles = [
  "reviewer",
  "administrator",
  "national_analyst",
  "agency_commander",
  "agency_trainer",
  "agency_analyst",
] as const;
export type Role = (typeof roles)[number];

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  /** argon2id PHC string. */
  password_hash: string;
  role: Role;
  /** Set for the three agency roles, NULL for programme roles. */
  agency_id: string | null;
  status: "active" | "disabled";
  /** Demo accounts are refused in production unless the server runs with --demo. */
  is_demo: boolean;
  /** TOTP secret (base32), sealed (db/security/secret-box.ts); NULL until enrolled. */
  totp_secret: string | null;
  mfa_enrolled_at: Date | null;
  failed_sign_ins: number;
  locked_until: Date | null;
  created_at: Date;
  last_sign_in_at: Date | null;
  /** Last accepted TOTP time step: a code is accepted once only (replay guard). */
  totp_last_step: number | null;
  password_changed_at: Date | null;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;

export interface SessionTable {
  /** SHA-256 of the opaque session id: a database leak does not hand out live sessions. */
  id_hash: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  mfa_verified: boolean;
  csrf_token: string;
  /** TOTP secret being enrolled, sealed, kept on the session until the first code confirms it. */
  enrolment_secret: string | null;
  /** Recovery codes issued at enrolment, sealed, until the next page shows them once (migration 0110). */
  recovery_codes_to_show: string | null;
}

export type Session = Selectable<SessionTable>;

export const userColumns = {
  id: "UUID",
  email: "VARCHAR",
  display_name: "VARCHAR",
  password_hash: "VARCHAR",
  role: "VARCHAR",
  agency_id: "UUID?",
  status: "VARCHAR",
  is_demo: "BOOLEAN",
  totp_secret: "VARCHAR?",
  mfa_enrolled_at: "TIMESTAMP?",
  failed_sign_ins: "INTEGER",
  locked_until: "TIMESTAMP?",
  created_at: "TIMESTAMP",
  last_sign_in_at: "TIMESTAMP?",
  totp_last_step: "BIGINT?",
  password_changed_at: "TIMESTAMP?",
} as const satisfies ColumnSpecs<UserTable>;

export const sessionColumns = {
  id_hash: "VARCHAR",
  user_id: "UUID",
  created_at: "TIMESTAMP",
  last_seen_at: "TIMESTAMP",
  mfa_verified: "BOOLEAN",
  csrf_token: "VARCHAR",
  enrolment_secret: "VARCHAR?",
  recovery_codes_to_show: "VARCHAR?",
} as const satisfies ColumnSpecs<SessionTable>;
