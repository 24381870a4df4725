import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { useAuditAnchorOf } from "../../db/audit/audit-anchor";
import { appendAuditEntry } from "../../db/audit/audit-log";
import { loadServerKey } from "../../db/intake/server-key";
import { rebuildSearchIndex } from "../../db/library/search-index";
import { openDatabase } from "../../db/open";
import { seedSyntheticData } from "../../db/synthetic/seed";
import { submitTestReport } from "../review/review-fixtures";
import { testIntakeKey } from "./intake";
import { createTestUser, signInTestUser } from "./test-accounts";

/** Temporary folders of a test file, removed after it (call `removeAll` in afterAll). */
export function temporaryFolders(prefix: string) {
  const made: string[] = [];
  return {
    make(): string {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll(): void {
      made.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    },
  };
}

/**
 * A deployment's database file with something in every kind of table: synthetic reports and agencies
 * (with the search index and its sequence), demo and test accounts with a session, sealed submissions
 * and keyed audit entries. The server key is INTAKE_KEY (`env`), as an operator might set it.
 */
export async function seededDeployment(dataDir: string, reports = 300) {
  const keyText = testIntakeKey();
  const env = { INTAKE_KEY: keyText };
  const location = path.join(dataDir, "closecall.duckdb");
  const loaded = loadServerKey({ envKey: keyText, dataDir });
  if (!loaded.ok) throw new Error(loaded.reason);
  useAuditAnchorOf({ envKey: keyText, dataDir });
  const database = await openDatabase({ location });
  try {
    await seedSyntheticData(database.instance, database.db, { reports, seed: 11, agencies: 20, demoAccounts: true });
    await rebuildSearchIndex(database.db);
    const admin = await createTestUser(database.db, "administrator");
    await signInTestUser(database.db, admin);
    for (let i = 0; i < 3; i++)
      await submitTestReport(database.db, loaded.key, { payload: { title: `Sealed submission ${i}` } });
    for (let i = 0; i < 5; i++)
      await appendAuditEntry(database.db, { actorUserId: admin.id, action: "sign_in.succeeded", detail: { n: i } });
  } finally {
    await database.close();
  }
  return { location, env, keyText };
}

/** Every table's rows in a fixed order (all columns), and the next value of the library's sequence. */
export async function databaseContents(location: string) {
  const database = await openDatabase({ location });
  try {
    const { rows: tables } = await sql<{ name: string }>`SELECT table_name AS name FROM duckdb_tables()
        WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name`.execute(database.db);
    const contents: Record<string, unknown[]> = {};
    for (const { name } of tables)
      contents[name] = (await sql`SELECT * FROM ${sql.table(name)} ORDER BY ALL`.execute(database.db)).rows;
    const { rows: columns } = await sql`SELECT table_name, column_name, data_type, is_nullable, column_default
        FROM information_schema.columns ORDER BY ALL`.execute(database.db);
    const { rows: next } = await sql<{ n: number }>`SELECT nextval('library_doc_id') AS n`.execute(database.db);
    return { contents, columns, nextDocId: next[0]!.n };
  } finally {
    await database.close();
  }
}
