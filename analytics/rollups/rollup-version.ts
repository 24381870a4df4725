import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../../db/database";

export const ROLLUP_VERSION_KEY = "analytics_rollup_version";
const KEY = ROLLUP_VERSION_KEY;

/**
 * Marks the rollups as changed (same transaction as the change): cached national aggregates of the
 * previous version are never used again. A random value, so that two processes never agree by chance.
 */
export async function bumpRollupVersion(db: Executor): Promise<void> {
  await sql`INSERT INTO app_meta (key, value) VALUES (${KEY}, ${randomUUID()})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db);
}

/** The current rollup version ("" before the first rebuild). */
export async function readRollupVersion(db: Executor): Promise<string> {
  const { rows } = await sql`SELECT value FROM app_meta WHERE key = ${KEY}`.execute(db);
  return z.array(z.object({ value: z.string() })).parse(rows)[0]?.value ?? "";
}
