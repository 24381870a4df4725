import { type Kysely, sql } from "kysely";

// Review and publication (issue 5). Forward-only, plain SQL.
// The working draft (de-identified texts, findings, coding, reviewers' comments) is encrypted with the
// submission's own data key and lives on the submission row, so deleting that key destroys it with the
// raw text and the thread.
const statements = [
  `ALTER TABLE submissions ADD COLUMN claimed_by UUID`,
  `ALTER TABLE submissions ADD COLUMN claim_expires_at TIMESTAMP`,
  `ALTER TABLE submissions ADD COLUMN stage1_by UUID`,
  `ALTER TABLE submissions ADD COLUMN approved_by UUID`,
  `ALTER TABLE submissions ADD COLUMN approved_on DATE`,
  `ALTER TABLE submissions ADD COLUMN draft_ciphertext BLOB`,
  `ALTER TABLE submissions ADD COLUMN draft_nonce BLOB`,
  `CREATE TABLE publication_batches (
    id UUID PRIMARY KEY,
    run_on DATE NOT NULL,
    published_month DATE NOT NULL,
    report_count INTEGER NOT NULL,
    run_by UUID
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
