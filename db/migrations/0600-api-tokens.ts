import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// Exports: read-only API tokens of partner agencies, created by a commander. Only the SHA-256
// of the secret is kept (the secret has 256 random bits and is shown once); `token_prefix` is the
// harmless start of the secret, so people can tell their tokens apart in the list.
const statements = [
  `CREATE TABLE api_tokens (
    id UUID PRIMARY KEY,
    agency_id UUID NOT NULL,
    name VARCHAR NOT NULL,
    token_hash VARCHAR NOT NULL UNIQUE,
    token_prefix VARCHAR NOT NULL,
    created_by UUID NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    revoked_by UUID
  )`,
  `CREATE INDEX api_tokens_agency ON api_tokens (agency_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
