import type { Kysely } from "kysely";
import taxonomy from "./taxonomy-v1.frozen.json";

// Seeds taxonomy v1 as data, from a copy frozen when this migration was written (db/taxonomy/v1.ts may
// change later; what this migration writes must not). A later version gets its own migration and rows
// with version = 2; reports keep the version they were coded with.
type Term = { code: string; label: string; family?: string };

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto("taxonomy_versions")
    .values({ version: taxonomy.version, label: "Taxonomy v1", effective_on: "2026-01-01", is_current: true })
    .execute();
  const rows = Object.entries(taxonomy.terms as Record<string, Term[]>).flatMap(([kind, terms]) =>
    terms.map((term, position) => ({
      version: taxonomy.version,
      kind,
      code: term.code,
      label: term.label,
      parent_code: term.family ?? null,
      position,
    })),
  );
  await db.insertInto("taxonomy_terms").values(rows).execute();
}
