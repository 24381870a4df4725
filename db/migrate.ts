import { type Kysely, Migrator } from "kysely";
import { migrationProvider } from "./migrations/index";

/** Applies every pending migration in order; running it again changes nothing. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Work on parallel branches takes numbered ranges (0100 accounts, 0200 intake, …), so a database may
  // meet a lower-numbered migration after a higher one: apply it rather than refuse to start.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? "unknown error");
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
