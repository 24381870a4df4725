// Scale-out (docs/scale-out.md): several app processes append to one audit log on PostgreSQL. Each process
// serialises its own appends; across processes an advisory lock does, so the chain stays one chain.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openPostgres } from "../open-postgres";
import { createPostgresDatabase, testBackends } from "../../tests/support/test-backends";
import { verifyAuditChain } from "./audit-log";

testBackends(); // this file's throw-away PostgreSQL cluster, stopped after its last test
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");
const child = path.join(root, "tests", "support", "audit-append-child.ts");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

describe("the audit log on PostgreSQL with several app processes", () => {
  it("keeps one unbroken chain when three processes append at the same time", async () => {
    const url = await createPostgresDatabase();
    const key = randomBytes(32);
    const each = 40;
    const outputs = await Promise.all(
      [1, 2, 3].map(() => run(tsx, [child, url, key.toString("hex"), String(each)], { cwd: root, timeout: 120_000 })),
    );
    for (const { stdout } of outputs) expect(stdout.trim()).toBe(`done ${each}`);
    const store = await openPostgres(url);
    try {
      const chain = await verifyAuditChain(store.db, { key, headFile: null });
      expect(chain).toMatchObject({ ok: true, entries: 3 * each });
      // The processes' appends interleave (so they did run at the same time), and none was lost.
      const rows = await store.db.selectFrom("audit_log").select(["seq", "detail"]).orderBy("seq").execute();
      const writers = rows.map((r) => (JSON.parse(r.detail!) as { process: number }).process);
      expect(new Set(writers).size).toBe(3);
      const switches = writers.filter((w, i) => i > 0 && w !== writers[i - 1]).length;
      expect(switches).toBeGreaterThan(2);
    } finally {
      await store.close();
    }
  });
});
