import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../../db/database";
import { ROLLUP_VERSION_KEY } from "../rollups/rollup-version";

export const BOOK_VERSION_KEY = "release_book_version";
const KEY = BOOK_VERSION_KEY;

/**
 * Marks the release book as changed (in the release's own transaction): a kept agency page of the
 * previous version is never shown again. Random, like the rollup version, so two processes never agree
 * by chance.
 */
export async function bumpBookVersion(db: Executor): Promise<void> {
  await sql`INSERT INTO app_meta (key, value) VALUES (${KEY}, ${randomUUID()})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db);
}

const Rows = z.array(z.object({ key: z.string(), value: z.string() }));

/**
 * What an agency's page depends on besides its member, in one read: the rollups (every publication,
 * withdrawal and rebuild) and the book (every release). "" for a version not written yet.
 */
export async function readBookAndRollupVersion(db: Executor): Promise<string> {
  const { rows } = await sql`SELECT key, value FROM app_meta WHERE key IN (${ROLLUP_VERSION_KEY}, ${KEY})`.execute(db);
  const values = new Map(Rows.parse(rows).map((r) => [r.key, r.value]));
  return `${values.get(ROLLUP_VERSION_KEY) ?? ""} ${values.get(KEY) ?? ""}`;
}
