import type { ColumnSpecs } from "./columns";
import type { Insertable, Selectable } from "kysely";
import type { Role } from "./user.table";

/** Single-use MFA recovery codes; only a hash is kept (the codes carry 80 bits). */
export interface RecoveryCodeTable {
  code_hash: string;
  user_id: string;
  created_at: Date;
  used_at: Date | null;
}

/**
 * A one-time link that creates an account: a commander inviting a member, an administrator adding
 * programme staff, or the applicant of an approved agency becoming its commander.
 */
export interface InvitationTable {
  id: string;
  token_hash: string;
  email: string;
  role: Role;
  agency_id: string | null;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

/** A one-time password-reset link issued by an administrator (there is no email server). */
export interface PasswordResetTable {
  id: string;
  token_hash: string;
  user_id: string;
  issued_by: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export type Invitation = Selectable<InvitationTable>;
export type NewInvitation = Insertable<InvitationTable>;
export type PasswordReset = Selectable<PasswordResetTable>;

export const recoveryCodeColumns = {
  code_hash: "VARCHAR",
  user_id: "UUID",
  created_at: "TIMESTAMP",
  used_at: "TIMESTAMP?",
} as const satisfies ColumnSpecs<RecoveryCodeTable>;

export const invitationColumns = {
  id: "UUID",
  token_hash: "VARCHAR",
  email: "VARCHAR",
  role: "VARCHAR",
  agency_id: "UUID?",
  invited_by: "UUID?",
  created_at: "TIMESTAMP",
  expires_at: "TIMESTAMP",
  accepted_at: "TIMESTAMP?",
  revoked_at: "TIMESTAMP?",
} as const satisfies ColumnSpecs<InvitationTable>;

export const passwordResetColumns = {
  id: "UUID",
  token_hash: "VARCHAR",
  user_id: "UUID",
  issued_by: "UUID",
  created_at: "TIMESTAMP",
  expires_at: "TIMESTAMP",
  used_at: "TIMESTAMP?",
} as const satisfies ColumnSpecs<PasswordResetTable>;
