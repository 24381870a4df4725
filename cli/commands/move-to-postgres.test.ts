import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAuditAnchor, useAuditAnchorOf } from "../../db/audit/audit-anchor";
import { loadServerKey } from "../../db/intake/server-key";
import { runPublicationBatch } from "../../db/review/publication";
import { approveTestReport } from "../../tests/review/review-fixtures";
import { countRows, DERIVED_TABLES, RECORD_TABLES } from "../../db/move/copy-database";
import { openDatabase } from "../../db/open";
import { openPostgres } from "../../db/open-postgres";
import { openAnalyticsCopy } from "../../orchestration/analytics-copy";
import { seededDeployment, temporaryFolders } from "../../tests/support/backup-fixture";
import { captureIO } from "../../tests/support/command-io";
import { tableRows } from "../../tests/support/table-rows";
import { createPostgresDatabase, testBackends } from "../../tests/support/test-backends";
import { main } from "../main";

testBackends(); // the throw-away PostgreSQL cluster of this file, stopped after its last test
const folders = temporaryFolders("closecall-move-");
afterAll(() => folders.removeAll());

let source: Awaited<ReturnType<typeof seededDeployment>>;
beforeAll(async () => {
  source = await seededDeployment(folders.make(), 400);
  // A publication, so that the feed of published changes has rows (and numbers) to move.
  const key = loadServerKey({ envKey: source.keyText, dataDir: path.dirname(source.location) });
  if (!key.ok) throw new Error(key.reason);
  const embedded = await openDatabase({ location: source.location });
  try {
    await approveTestReport(embedded.db, key.key);
    await runPublicationBatch(embedded.db, key.key, { retentionDays: 30, runBy: null });
    expect(await countRows(embedded.db, "published_changes")).toBe(1);
  } finally {
    await embedded.close();
  }
});

async function move(to: string, env = source.env) {
  const io = captureIO(env);
  const code = await main(["move-to-postgres", "--to", to, "--db", source.location], io);
  return { code, out: io.stdout, err: io.stderr };
}

const rows = tableRows;

describe("closecall move-to-postgres", () => {
  it("copies every table of record into an empty PostgreSQL database, then checks counts and audit chain", async () => {
    const url = await createPostgresDatabase();
    const result = await move(url);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out.at(-1)).toMatch(/^Moved: \d+ tables, every row count equal; audit chain intact in PostgreSQL/);
    const [embedded, postgres] = [await openDatabase({ location: source.location }), await openPostgres(url)];
    try {
      for (const table of ["reports", "submissions", "users", "sessions", "audit_log"] as const)
        expect(await countRows(postgres.db, table), table).toBeGreaterThan(0);
      // Row for row, every value as the repositories read it (dates, instants, sealed bytes, numbers).
      for (const table of RECORD_TABLES)
        expect(await rows(postgres.db, table), table).toEqual(await rows(embedded.db, table));
      for (const table of DERIVED_TABLES) expect(await countRows(postgres.db, table), table).toBe(0);
    } finally {
      await postgres.close();
      await embedded.close();
    }
  });

  it("lets PostgreSQL publish after the move: the feed's numbers go on after the moved ones", async () => {
    const url = await createPostgresDatabase();
    expect((await move(url)).code).toBe(0);
    const key = loadServerKey({ envKey: source.keyText, dataDir: path.dirname(source.location) });
    if (!key.ok) throw new Error(key.reason);
    const postgres = await openPostgres(url);
    // The audit entries of this publication belong to the PostgreSQL copy: the file's head must not move.
    useAuditAnchor({ key: key.key.auditKey, headFile: null });
    try {
      await approveTestReport(postgres.db, key.key);
      const batch = await runPublicationBatch(postgres.db, key.key, { retentionDays: 30, runBy: null });
      expect(batch.reportIds).toHaveLength(1);
      const feed = await postgres.db.selectFrom("published_changes").select("seq").orderBy("seq").execute();
      expect(feed.map((r) => r.seq)).toEqual([1, 2]);
    } finally {
      useAuditAnchorOf({ envKey: source.keyText, dataDir: path.dirname(source.location) });
      await postgres.close();
    }
  });

  it("refuses a PostgreSQL database that already holds records, and changes nothing there", async () => {
    const url = await createPostgresDatabase();
    expect((await move(url)).code).toBe(0);
    const postgres = await openPostgres(url);
    try {
      const before = await countRows(postgres.db, "audit_log");
      const again = await move(url);
      expect(again.code).toBe(1);
      expect(again.err.join("\n")).toMatch(
        /already holds records \(users, submissions, reports, audit_log, agencies\)/,
      );
      expect(await countRows(postgres.db, "audit_log")).toBe(before);
    } finally {
      await postgres.close();
    }
  });

  it("refuses a target that is not PostgreSQL, and a move without the deployment's key", async () => {
    expect((await move("/tmp/elsewhere.duckdb")).code).toBe(2);
    const noKey = await move(await createPostgresDatabase(), {} as typeof source.env);
    expect(noKey.code).toBe(1);
    expect(noKey.err[0]).toMatch(/without its key/);
  });

  it("gives a process's analytics copy made from PostgreSQL the same figures as one made from the file", async () => {
    const url = await createPostgresDatabase();
    expect((await move(url)).code).toBe(0);
    const [embedded, postgres] = [await openDatabase({ location: source.location }), await openPostgres(url)];
    const fromFile = await openAnalyticsCopy(embedded.db);
    const fromPostgres = await openAnalyticsCopy(postgres.db);
    try {
      for (const table of DERIVED_TABLES) {
        expect(await countRows(fromPostgres.database.db, table), table).toBeGreaterThan(0);
        expect(await rows(fromPostgres.database.db, table as never), table).toEqual(
          await rows(fromFile.database.db, table as never),
        );
      }
    } finally {
      await fromFile.database.close();
      await fromPostgres.database.close();
      await postgres.close();
      await embedded.close();
    }
  });
});
