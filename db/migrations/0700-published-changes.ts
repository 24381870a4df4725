import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// Scale-out: the feed each process's analytics copy catches up from (db/schema/published-change.table.ts).
const statements = [
  `CREATE SEQUENCE published_change_seq START 1`,
  `CREATE TABLE published_changes (
    seq BIGINT PRIMARY KEY DEFAULT nextval('published_change_seq'),
    report_id UUID NOT NULL
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
