import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// Review and publication. Forward-only, plain SQL.
// The working draft (de-identified texts, findings, coding, reviewers' comments) is encrypted with the
// submission's own data key and lives on the submission row, so deleting that key destroys it with the
// raw text and the thread.
const statements = [
  `ALTER TABLE submissions ADD COLUMN stage1_by UUID`,
  `ALTER TABLE submissions ADD COLUMN approved_by UUID`,
  `ALTER TABLE submissions ADD COLUMN approved_on DATE`,
  `ALTER TABLE submissions ADD COLUMN draft_ciphertext BLOB`,
  `ALTER TABLE submissions ADD COLUMN draft_nonce BLOB`,
  // Claims live apart from submissions: intake tables keep no time of day (docs/design.md §6.3, tested by intake).
  `CREATE TABLE review_claims (
    submission_id UUID PRIMARY KEY,
    reviewer_id UUID,
    expires_at TIMESTAMP
  )`,
  `CREATE TABLE publication_batches (
    id UUID PRIMARY KEY,
    run_on DATE NOT NULL,
    published_month DATE NOT NULL,
    report_count INTEGER NOT NULL,
    run_by UUID
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
