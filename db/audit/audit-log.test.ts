import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../open";
import { openDatabase } from "../open";
import { appendAuditEntry, AuditDetailError, verifyAuditChain } from "./audit-log";

let database: OpenDatabase;
beforeAll(async () => {
  database = await openDatabase({ location: ":memory:" });
});
afterAll(() => database.close());

async function fill(n: number) {
  const actor = crypto.randomUUID();
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      appendAuditEntry(database.db, { actorUserId: actor, action: "sign_in.succeeded", targetType: "user", targetId: actor, detail: { attempt: i } }),
    ),
  );
}

describe("audit log", () => {
  it("chains concurrent appends without gaps and verifies", async () => {
    await fill(25);
    const result = await verifyAuditChain(database.db, 7);
    expect(result).toMatchObject({ ok: true, entries: 25 });
    const rows = await database.db.selectFrom("audit_log").select(["seq", "prev_hash", "hash"]).orderBy("seq").execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
  });

  it("detects an edited row", async () => {
    await sql`UPDATE audit_log SET detail = '{"attempt":999}' WHERE seq = 12`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 12, entries: 11 });
  });

  it("detects a row edited together with its own hash (the next link breaks)", async () => {
    const db2 = await openDatabase({ location: ":memory:" });
    try {
      const first = await appendAuditEntry(db2.db, { actorUserId: null, action: "sign_in.failed", detail: { email: "a@example.test" } });
      await appendAuditEntry(db2.db, { actorUserId: null, action: "sign_in.failed" });
      await sql`UPDATE audit_log SET action = 'sign_in.succeeded', hash = ${"f".repeat(64)} WHERE seq = ${first.seq}`.execute(db2.db);
      const result = await verifyAuditChain(db2.db);
      expect(result.ok).toBe(false);
      expect(result.brokenAt).toBe(1);
    } finally {
      await db2.close();
    }
  });

  it("detects a deleted row", async () => {
    const db3 = await openDatabase({ location: ":memory:" });
    try {
      for (let i = 0; i < 3; i++) await appendAuditEntry(db3.db, { actorUserId: null, action: "sign_in.failed" });
      await sql`DELETE FROM audit_log WHERE seq = 2`.execute(db3.db);
      expect(await verifyAuditChain(db3.db)).toMatchObject({ ok: false, brokenAt: 3, problem: "entry 2 is missing" });
    } finally {
      await db3.close();
    }
  });

  it("refuses details about submitters", () => {
    expect(() => appendAuditEntry(database.db, { actorUserId: null, action: "export.created", detail: { submission: "x" } })).toThrow(AuditDetailError);
    expect(() => appendAuditEntry(database.db, { actorUserId: null, action: "export.created", detail: { ip: "1" } })).toThrow(AuditDetailError);
    expect(() => appendAuditEntry(database.db, { actorUserId: null, action: "export.created", detail: { note: "from 203.0.113.9" } })).toThrow(AuditDetailError);
  });
});
