import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// Saved views of the agency dashboard: a member names the page's current choices and finds
// them again. Only the path and query of the member's own page are kept — choices, never figures.
const statements = [
  `CREATE TABLE saved_views (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL,
    name VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
  )`,
  `CREATE INDEX saved_views_user ON saved_views (user_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
