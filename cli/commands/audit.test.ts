import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "../../db/audit/audit-log";
import { openDatabase } from "../../db/open";
import { main } from "../main";

const dir = mkdtempSync(path.join(tmpdir(), "closecall-audit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {}, readStdin: async () => "" } };
}

describe("closecall audit verify", () => {
  it("reports an intact chain (exit 0) and an edited row (exit 1)", async () => {
    const file = path.join(dir, "audit.duckdb");
    const database = await openDatabase({ location: file });
    for (let i = 0; i < 4; i++) await appendAuditEntry(database.db, { actorUserId: null, action: "sign_in.failed", detail: { attempt: i } });
    await database.close();

    const good = io();
    expect(await main(["audit", "verify", "--db", file], good.io)).toBe(0);
    expect(good.out[0]).toMatch(/^Audit log intact: 4 entries\. Head hash [0-9a-f]{64}$/);

    const tamper = await openDatabase({ location: file });
    await sql`UPDATE audit_log SET action = 'sign_in.succeeded' WHERE seq = 3`.execute(tamper.db);
    await tamper.close();
    const bad = io();
    expect(await main(["audit", "verify", "--db", file], bad.io)).toBe(1);
    expect(bad.err[0]).toMatch(/BROKEN at entry 3/);

    const usage = io();
    expect(await main(["audit", "--db", file], usage.io)).toBe(2);
  });
});
