import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// Forward-only. Plain SQL kept to types PostgreSQL also has, so that moving the system of record to
// PostgreSQL stays a configuration change (docs/design.md §4); run-statements.ts maps the names it spells
// differently (BLOB is BYTEA there).
// No FOREIGN KEY constraints: DuckDB rejects updates to parent rows that are referenced, which the
// review and membership flows need; integrity is kept by the repositories and tested.
const statements = [
  `CREATE TABLE taxonomy_versions (
    version INTEGER PRIMARY KEY,
    label VARCHAR NOT NULL,
    effective_on DATE NOT NULL,
    is_current BOOLEAN NOT NULL
  )`,
  `CREATE TABLE taxonomy_terms (
    version INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    parent_code VARCHAR,
    position INTEGER NOT NULL,
    PRIMARY KEY (version, kind, code)
  )`,
  `CREATE TABLE agencies (
    id UUID PRIMARY KEY,
    name VARCHAR NOT NULL,
    state VARCHAR NOT NULL,
    census_region VARCHAR NOT NULL,
    size_band VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    partner_code_hash VARCHAR UNIQUE,
    contact_name VARCHAR,
    contact_email VARCHAR,
    applied_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    left_at TIMESTAMP,
    is_synthetic BOOLEAN NOT NULL DEFAULT false
  )`,
  `CREATE TABLE users (
    id UUID PRIMARY KEY,
    email VARCHAR NOT NULL UNIQUE,
    display_name VARCHAR NOT NULL,
    password_hash VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    agency_id UUID,
    status VARCHAR NOT NULL,
    is_demo BOOLEAN NOT NULL DEFAULT false,
    totp_secret VARCHAR,
    mfa_enrolled_at TIMESTAMP,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    last_sign_in_at TIMESTAMP
  )`,
  `CREATE TABLE sessions (
    id_hash VARCHAR PRIMARY KEY,
    user_id UUID NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    mfa_verified BOOLEAN NOT NULL DEFAULT false,
    csrf_token VARCHAR NOT NULL
  )`,
  `CREATE TABLE submissions (
    id UUID PRIMARY KEY,
    received_on DATE NOT NULL,
    status VARCHAR NOT NULL,
    receipt_hash VARCHAR NOT NULL UNIQUE,
    consent_level VARCHAR NOT NULL,
    agency_id UUID,
    key_id VARCHAR NOT NULL,
    wrapped_key BLOB,
    ciphertext BLOB,
    nonce BLOB,
    narrative_fingerprint VARCHAR,
    possible_duplicate_of UUID,
    duplicate_of UUID,
    rejection_reason VARCHAR,
    report_id UUID,
    decided_on DATE,
    destroy_on DATE,
    destroyed_on DATE
  )`,
  `CREATE TABLE submission_messages (
    id UUID PRIMARY KEY,
    submission_id UUID NOT NULL,
    author VARCHAR NOT NULL,
    reviewer_id UUID,
    ciphertext BLOB,
    nonce BLOB,
    created_on DATE NOT NULL,
    position INTEGER NOT NULL
  )`,
  `CREATE TABLE review_actions (
    id UUID PRIMARY KEY,
    submission_id UUID NOT NULL,
    reviewer_id UUID NOT NULL,
    stage INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    note VARCHAR,
    created_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE reports (
    id UUID PRIMARY KEY,
    public_number VARCHAR NOT NULL UNIQUE,
    taxonomy_version INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    lessons VARCHAR NOT NULL,
    incident_type VARCHAR NOT NULL,
    loss_potential VARCHAR NOT NULL,
    event_month DATE NOT NULL,
    time_block VARCHAR,
    light VARCHAR,
    weather VARCHAR,
    officers_band VARCHAR,
    assignment VARCHAR,
    service_band VARCHAR,
    census_region VARCHAR NOT NULL,
    published_month DATE NOT NULL
  )`,
  `CREATE TABLE report_factors (
    report_id UUID NOT NULL,
    factor_code VARCHAR NOT NULL
  )`,
  `CREATE TABLE report_protected (
    report_id UUID PRIMARY KEY,
    state VARCHAR NOT NULL,
    agency_id UUID,
    agency_size_band VARCHAR,
    consent_level VARCHAR NOT NULL
  )`,
  `CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor_user_id UUID,
    action VARCHAR NOT NULL,
    target_type VARCHAR,
    target_id VARCHAR,
    detail VARCHAR,
    prev_hash VARCHAR NOT NULL,
    hash VARCHAR NOT NULL
  )`,
  `CREATE TABLE app_meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
