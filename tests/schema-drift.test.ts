import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaColumns } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import type { OpenDatabase } from "../db/open";
import { createTestDatabase } from "./support/test-database";

// The hand-written Kysely interfaces (db/schema/*.table.ts) must describe the migrated database
// exactly: same tables, same columns, same types, same NULL-ability.
let database: OpenDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: "YES" | "NO";
}

async function actualColumns(): Promise<Record<string, Record<string, string>>> {
  const { rows } = await sql<ColumnRow>`
    SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
    WHERE table_schema = 'main' AND table_name NOT LIKE 'kysely_%'
    ORDER BY table_name, ordinal_position`.execute(database.db);
  const tables: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    (tables[row.table_name] ??= {})[row.column_name] = `${row.data_type}${row.is_nullable === "YES" ? "?" : ""}`;
  }
  return tables;
}

describe("schema drift", () => {
  it("the Database interface matches information_schema.columns", async () => {
    expect(await actualColumns()).toEqual(schemaColumns);
  });

  it("migrations are idempotent: a second run applies nothing and changes nothing", async () => {
    const before = await actualColumns();
    expect(await migrateToLatest(database.db)).toEqual([]);
    expect(await actualColumns()).toEqual(before);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM taxonomy_terms`.execute(database.db);
    expect(rows[0]!.n).toBeGreaterThan(100);
  });
});
