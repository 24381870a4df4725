import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// Accounts: MFA replay guard, enrolment secret held by the session until confirmed,
// hashed recovery codes, one-time invitation and password-reset links (only hashes stored).
// DuckDB cannot add a column with a NOT NULL constraint, so the added columns are NULL-able.
const statements = [
  `ALTER TABLE users ADD COLUMN totp_last_step BIGINT`,
  `ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMP`,
  `ALTER TABLE sessions ADD COLUMN enrolment_secret VARCHAR`,
  `CREATE TABLE recovery_codes (
    code_hash VARCHAR PRIMARY KEY,
    user_id UUID NOT NULL,
    created_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
  )`,
  `CREATE TABLE invitations (
    id UUID PRIMARY KEY,
    token_hash VARCHAR NOT NULL UNIQUE,
    email VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    agency_id UUID,
    invited_by UUID,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    revoked_at TIMESTAMP
  )`,
  `CREATE TABLE password_resets (
    id UUID PRIMARY KEY,
    token_hash VARCHAR NOT NULL UNIQUE,
    user_id UUID NOT NULL,
    issued_by UUID NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
