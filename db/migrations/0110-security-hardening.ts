import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// Security hardening: recovery codes issued at enrolment wait, sealed, on the new session
// until its first page shows them once — the only way to show them after the redirect that a form
// without JavaScript needs. TOTP seeds stay in their text columns, sealed (db/security/secret-box.ts);
// clear seeds of older databases are sealed at server start, which has the key this migration lacks.
const statements = [`ALTER TABLE sessions ADD COLUMN recovery_codes_to_show VARCHAR`];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
