import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { useAuditAnchorOf } from "../../db/audit/audit-anchor";
import { appendAuditEntry } from "../../db/audit/audit-log";
import { ensureKeyFile } from "../../db/intake/server-key";
import { openDatabase } from "../../db/open";
import { captureIO } from "../../tests/support/command-io";
import { main } from "../main";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data folder with a key file and a database of `n` audit entries, appended as the server would. */
async function auditedFolder(n: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "closecall-audit-"));
  dirs.push(dir);
  ensureKeyFile(dir, false);
  expect(useAuditAnchorOf({ envKey: undefined, dataDir: dir })).toBe(true);
  const database = await openDatabase({ location: path.join(dir, "closecall.duckdb") });
  for (let i = 0; i < n; i++)
    await appendAuditEntry(database.db, { actorUserId: null, action: "sign_in.failed", detail: { attempt: i } });
  await database.close();
  return dir;
}

async function tamper(dir: string, statement: ReturnType<typeof sql>) {
  const database = await openDatabase({ location: path.join(dir, "closecall.duckdb") });
  await statement.execute(database.db);
  await database.close();
}

async function verify(dir: string) {
  const io = captureIO();
  const code = await main(["audit", "verify", "--db", dir], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("closecall audit verify", () => {
  it("reports an intact chain with its head (exit 0) and an edited row (exit 1)", async () => {
    const dir = await auditedFolder(4);
    const good = await verify(dir);
    expect(good.code).toBe(0);
    expect(good.out[0]).toMatch(/^Audit log intact: 4 entries\. Head hash [0-9a-f]{64}$/);

    await tamper(dir, sql`UPDATE audit_log SET action = 'sign_in.succeeded' WHERE seq = 3`);
    const bad = await verify(dir);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/BROKEN at entry 3/);

    expect(await main(["audit", "--db", dir], captureIO())).toBe(2);
  });

  // Both passed with an unkeyed chain and no anchor.
  it("notices the newest entries deleted (exit 1)", async () => {
    const dir = await auditedFolder(5);
    await tamper(dir, sql`DELETE FROM audit_log WHERE seq >= 4`);
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/names entry 5, but the log ends at 3: the newest entries were removed/);
  });

  it("notices an edited entry whose chain was re-hashed without the key (exit 1)", async () => {
    const dir = await auditedFolder(4);
    const database = await openDatabase({ location: path.join(dir, "closecall.duckdb") });
    const rows = await database.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
    let prev = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const action = row.seq === 2 ? "sign_in.succeeded" : row.action;
      const text = JSON.stringify([
        row.seq,
        row.occurred_at.toISOString(),
        row.actor_user_id,
        action,
        row.target_type,
        row.target_id,
        row.detail,
        prev,
      ]);
      const hash = createHash("sha256").update(text).digest("hex");
      await sql`UPDATE audit_log SET action = ${action}, prev_hash = ${prev}, hash = ${hash}
          WHERE seq = ${row.seq}`.execute(database.db);
      prev = hash;
    }
    await database.close();
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/BROKEN at entry 2/);
  });

  it("refuses to vouch for a log without its key (exit 1)", async () => {
    const dir = await auditedFolder(1);
    rmSync(path.join(dir, "intake.key"));
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/without its key/);
  });
});
