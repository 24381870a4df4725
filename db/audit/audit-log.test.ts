import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestBackend, testBackends } from "../../tests/support/test-backends";
import type { OpenStore } from "../open";
import { type AuditAnchor, readAuditHead, useAuditAnchor } from "./audit-anchor";
import {
  appendAuditEntry,
  AuditDetailError,
  auditHash,
  canonicalAuditText,
  keyUnkeyedAuditChain,
  verifyAuditChain,
} from "./audit-log";

const dir = mkdtempSync(path.join(tmpdir(), "closecall-audit-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fill(db: OpenStore, n: number) {
  const actor = crypto.randomUUID();
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      appendAuditEntry(db.db, {
        actorUserId: actor,
        action: "sign_in.succeeded",
        targetType: "user",
        targetId: actor,
        detail: { attempt: i },
      }),
    ),
  );
}

/** A database with an anchor of its own (key and head file), bound for the duration of `work`. */
async function withAnchoredLog(
  backend: TestBackend,
  name: string,
  work: (db: OpenStore, anchor: AuditAnchor) => Promise<void>,
) {
  const anchor = { key: randomBytes(32), headFile: path.join(dir, `${backend.name}-${name}-head.json`) };
  const db = await backend.open();
  useAuditAnchor(anchor);
  try {
    await work(db, anchor);
  } finally {
    useAuditAnchor({ key: randomBytes(32), headFile: null });
    await db.close();
  }
}

describe.each(testBackends())("audit log on $name", (backend) => {
  let database: OpenStore;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it("chains concurrent appends without gaps and verifies", async () => {
    await fill(database, 25);
    const result = await verifyAuditChain(database.db, undefined, 7);
    expect(result).toMatchObject({ ok: true, entries: 25 });
    const rows = await database.db
      .selectFrom("audit_log")
      .select(["seq", "prev_hash", "hash"])
      .orderBy("seq")
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
  });

  it("detects an edited row", async () => {
    await sql`UPDATE audit_log SET detail = '{"attempt":999}' WHERE seq = 12`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 12, entries: 11 });
  });

  it("detects a deleted row", async () => {
    await withAnchoredLog(backend, "deleted", async (db) => {
      for (let i = 0; i < 3; i++) await appendAuditEntry(db.db, { actorUserId: null, action: "sign_in.failed" });
      await sql`DELETE FROM audit_log WHERE seq = 2`.execute(db.db);
      expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenAt: 3, problem: "entry 2 is missing" });
    });
  });

  // What an unkeyed, unanchored chain let through.
  it("detects a row edited and every later row re-hashed, without the key", async () => {
    await withAnchoredLog(backend, "rehashed", async (db) => {
      for (let i = 0; i < 5; i++)
        await appendAuditEntry(db.db, { actorUserId: null, action: "sign_in.failed", detail: { attempt: i } });
      const rows = await db.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
      const forger = randomBytes(32); // the attacker's best guess: any key but ours, or plain SHA-256
      let prev = rows[1]!.hash;
      for (const row of rows.slice(2)) {
        const edited = { ...row, prev_hash: prev, action: row.seq === 3 ? "sign_in.succeeded" : row.action };
        const { hash: _h, ...rest } = edited;
        prev = auditHash(rest, forger);
        await sql`UPDATE audit_log SET action = ${edited.action}, prev_hash = ${edited.prev_hash}, hash = ${prev}
            WHERE seq = ${row.seq}`.execute(db.db);
      }
      expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenAt: 3 });
    });
  });

  it("detects the newest rows deleted, through the head file written on each append", async () => {
    await withAnchoredLog(backend, "truncated", async (db, anchor) => {
      for (let i = 0; i < 6; i++)
        await appendAuditEntry(db.db, { actorUserId: null, action: "sign_in.failed", detail: { attempt: i } });
      expect(readAuditHead(anchor.headFile!)).toMatchObject({ seq: 6 });
      expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true, entries: 6, anchor: "matches" });
      await sql`DELETE FROM audit_log WHERE seq >= 5`.execute(db.db);
      const result = await verifyAuditChain(db.db);
      expect(result.ok).toBe(false);
      expect(result.problem).toMatch(/names entry 6, but the log ends at 4/);
    });
  });

  it("re-keys a chain written before the key once, if it is intact", async () => {
    await withAnchoredLog(backend, "legacy", async (db, anchor) => {
      // Two entries as older versions wrote them: SHA-256 of the same canonical text, no head file.
      let prev = "0".repeat(64);
      for (let seq = 1; seq <= 2; seq++) {
        const row = {
          seq,
          occurred_at: new Date(1_700_000_000_000 + seq),
          actor_user_id: null,
          action: "sign_in.failed",
          target_type: null,
          target_id: null,
          detail: null,
          prev_hash: prev,
        };
        const hash = createHash("sha256").update(canonicalAuditText(row)).digest("hex");
        await db.db
          .insertInto("audit_log")
          .values({ ...row, hash })
          .execute();
        prev = hash;
      }
      expect((await verifyAuditChain(db.db)).ok).toBe(false);
      expect(await keyUnkeyedAuditChain(db.db)).toBe(2);
      expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true, entries: 2, anchor: "matches" });
      expect(await keyUnkeyedAuditChain(db.db)).toBe(0);
      expect(readAuditHead(anchor.headFile!)).toMatchObject({ seq: 2 });
    });
  });

  it("refuses details about submitters", () => {
    expect(() =>
      appendAuditEntry(database.db, { actorUserId: null, action: "export.created", detail: { submission: "x" } }),
    ).toThrow(AuditDetailError);
    expect(() =>
      appendAuditEntry(database.db, { actorUserId: null, action: "export.created", detail: { ip: "1" } }),
    ).toThrow(AuditDetailError);
    expect(() =>
      appendAuditEntry(database.db, {
        actorUserId: null,
        action: "export.created",
        detail: { note: "from 203.0.113.9" },
      }),
    ).toThrow(AuditDetailError);
  });
});
