import type { AppLoadContext } from "@remix-run/node";
import type { AppContext } from "../../app/load-context";
import { rebuildSearchIndex } from "../../db/library/search-index";
import type { OpenDatabase } from "../../db/open";
import { seedSyntheticData } from "../../db/synthetic/seed";
import { createTestDatabase } from "./test-database";

/** A fresh in-memory database with synthetic reports and the library index built (about a second). */
export async function createLibraryDatabase(reports = 4000, seed = 11): Promise<OpenDatabase> {
  const database = await createTestDatabase();
  await seedSyntheticData(database.instance, database.db, { reports, seed, agencies: 150 });
  await rebuildSearchIndex(database.db);
  return database;
}

/** A test load context as loaders type it (an object literal satisfies AppLoadContext's index signature). */
export function libraryContext(context: AppContext): AppLoadContext {
  return { ...context };
}
