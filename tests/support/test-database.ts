import { openDatabase, type OpenDatabase } from "../../db/open";

/** A fresh in-memory database built from the migrations, one per test file (never shared). */
export async function createTestDatabase(): Promise<OpenDatabase> {
  return openDatabase({ location: ":memory:" });
}
