// Scale-out (docs/scale-out.md): several app processes append to one audit log on PostgreSQL. Each process
// serialises its own appends; across processes an advisory lock does, so the chain stays one chain.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openPostgres } from "../open-postgres";
import { createPostgresDatabase, testBackends } from "../../tests/support/test-backends";
import { verifyAuditChain } from "./audit-log";

testBackends(); // this file's throw-away PostgreSQL cluster, stopped after its last test
const root = path.resolve(import.meta.dirname, "..", "..");
const script = path.join(root, "tests", "support", "audit-append-child.ts");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

/** A child process appending `count` entries once the test says go: when it is ready, and all it printed. */
function appending(url: string, key: Buffer, count: number) {
  const child = spawn(tsx, [script, url, key.toString("hex"), String(count)], { cwd: root });
  let output = "";
  let errors = "";
  let announce: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (announce = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("ready")) announce();
  });
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const done = new Promise<string>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`child exited ${code}: ${errors}`)))),
  );
  // A child that fails before it is ready fails the test rather than leaving it waiting.
  return { ready: Promise.race([ready, done.then(() => undefined)]), done };
}

describe("the audit log on PostgreSQL with several app processes", () => {
  it("keeps one unbroken chain when three processes append at the same time", async () => {
    const url = await createPostgresDatabase();
    const key = randomBytes(32);
    const each = 40;
    const children = [1, 2, 3].map(() => appending(url, key, each));
    // Every process connected and waiting: then all start at once.
    await Promise.all(children.map((c) => c.ready));
    const go = await openPostgres(url);
    await go.db.insertInto("app_meta").values({ key: "go", value: "" }).execute();
    await go.close();
    for (const output of await Promise.all(children.map((c) => c.done))) expect(output).toContain(`done ${each}`);
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
