// Scale-out (docs/scale-out.md): two app processes on one PostgreSQL are no second chance for a guesser.
// Each "process" here is a pool of its own on the same database, as two nodes would have.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenStore } from "../../db/open";
import { openPostgres } from "../../db/open-postgres";
import { createPostgresDatabase, testBackends } from "../../tests/support/test-backends";
import { attemptsSoFar, consumeAttempt } from "./rate-limits.server";

testBackends(); // this file's throw-away PostgreSQL cluster, stopped after its last test
let nodeA: OpenStore;
let nodeB: OpenStore;

beforeAll(async () => {
  const url = await createPostgresDatabase();
  [nodeA, nodeB] = [await openPostgres(url), await openPostgres(url)];
});
afterAll(async () => {
  await nodeA?.close();
  await nodeB?.close();
});

async function refusal(attempt: Promise<void>): Promise<number | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("rate limits with two app processes on one PostgreSQL", () => {
  it("counts an account's password attempts across both: the sixth is refused wherever it arrives", async () => {
    const email = `${randomUUID()}@example.test`;
    for (const node of [nodeA, nodeB, nodeA, nodeB, nodeA])
      expect(await refusal(consumeAttempt(node.db, "password", email))).toBeNull();
    expect(await attemptsSoFar(nodeB.db, "password", email)).toBe(5);
    expect(await refusal(consumeAttempt(nodeB.db, "password", email))).toBe(429);
    expect(await refusal(consumeAttempt(nodeA.db, "password", email))).toBe(429);
    // Another account is not affected.
    expect(await refusal(consumeAttempt(nodeA.db, "password", `${randomUUID()}@example.test`))).toBeNull();
  });

  it("keeps the per-address limit in each process, and writes no address key to the database", async () => {
    const addressKey = randomUUID();
    for (let i = 0; i < 3; i++) await consumeAttempt(nodeA.db, "source", addressKey);
    expect(await attemptsSoFar(nodeA.db, "source", addressKey)).toBe(3);
    expect(await attemptsSoFar(nodeB.db, "source", addressKey)).toBe(0);
    const { rows } = await sql<{ key: string }>`SELECT key FROM rate_limits`.execute(nodeA.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes(addressKey))).toBe(false);
    expect(rows.some((r) => r.key.startsWith("password:"))).toBe(true);
  });
});
