import { openDatabase, type OpenDatabase } from "../../db/open";
import { rebuildAnalyticsRollups } from "../../analytics/rollups/rebuild-rollups";
import { rebuildSearchIndex } from "../../db/library/search-index";
import { seedSyntheticData } from "../../db/synthetic/seed";
import { releaseBook } from "../../analytics/release-book/release-job";

/** A fresh in-memory database built from the migrations, one per test file (never shared). */
export async function createTestDatabase(): Promise<OpenDatabase> {
  return openDatabase({ location: ":memory:" });
}

/**
 * A fresh database with the synthetic dataset and everything derived from it (analytics rollups, the
 * library's search index), as a server has it after its first start: for dashboard, export and API tests.
 */
export async function createSeededTestDatabase(options: {
  reports: number;
  seed: number;
  agencies: number;
  privacy?: { k: number; agencyMinReports: number };
}): Promise<OpenDatabase> {
  const database = await createTestDatabase();
  await seedSyntheticData(database.instance, database.db, options);
  await rebuildAnalyticsRollups(database.db);
  await rebuildSearchIndex(database.db);
  // The release book as the release job makes it, on a fixed day so that the books are the same every
  // run, from 2024 (three years of publication are enough for every test and keep set-up short).
  await database.db.insertInto("app_meta").values({ key: "release_book_first_quarter", value: "2024-Q1" }).execute();
  await releaseBook(database.db, { today: TEST_TODAY, rules: options.privacy ?? { k: 10, agencyMinReports: 30 } });
  return database;
}

/** The day seeded test databases are released on: quarters up to 2026-Q3 are closed. */
export const TEST_TODAY = "2026-12-05";
