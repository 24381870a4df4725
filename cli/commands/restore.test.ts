import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackupManifest } from "../../db/backup/manifest";
import { openDatabase } from "../../db/open";
import { sqlStringLiteral } from "../../db/sql-text";
import { databaseContents, seededDeployment, temporaryFolders } from "../../tests/support/backup-fixture";
import { captureIO } from "../../tests/support/command-io";
import { testIntakeKey } from "../../tests/support/intake";
import { main } from "../main";

const folders = temporaryFolders("closecall-restore-");
afterAll(() => folders.removeAll());

let source: Awaited<ReturnType<typeof seededDeployment>>;
let backupDir: string;
beforeAll(async () => {
  source = await seededDeployment(folders.make());
  backupDir = path.join(folders.make(), "backup");
  expect(await main(["backup", backupDir, "--db", source.location], captureIO(source.env))).toBe(0);
});

/** A new database path in a folder of its own (where its audit head file goes). */
const newTarget = () => path.join(folders.make(), "data", "closecall.duckdb");

async function restore(dir: string, target: string, options: { force?: boolean; env?: Record<string, string> } = {}) {
  const io = captureIO(options.env ?? source.env);
  const code = await main(["restore", dir, "--db", target, ...(options.force ? ["--force"] : [])], io);
  return { code, out: io.stdout, err: io.stderr.join("\n") };
}

/** A copy of the good backup to tamper with. */
function backupCopy(): string {
  const copy = path.join(folders.make(), "backup");
  cpSync(backupDir, copy, { recursive: true });
  return copy;
}

function editManifest(dir: string, edit: (manifest: BackupManifest) => void): void {
  const file = path.join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as BackupManifest;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}

/** Rewrites `table`.parquet with one report's title changed, as someone editing the backup would. */
async function changeOneTitle(dir: string): Promise<void> {
  const file = path.join(dir, "reports.parquet");
  const edited = `${file}.edited`;
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const from = `read_parquet(${sqlStringLiteral(file)})`;
  await connection.run(
    `COPY (SELECT * REPLACE (CASE WHEN id = (SELECT min(id) FROM ${from}) THEN title || ' (edited)' ELSE title END
      AS title) FROM ${from}) TO ${sqlStringLiteral(edited)} (FORMAT parquet)`,
  );
  const changed = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlStringLiteral(edited)}) WHERE title LIKE '% (edited)'`,
  );
  expect(changed.getRowObjects()).toEqual([{ n: 1 }]);
  connection.closeSync();
  instance.closeSync();
  renameSync(edited, file);
}

const fileDigest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** The target's folder holds nothing a failed restore left behind (no staging file, no WAL, no head). */
function expectNothingLeftBeside(target: string, expected: string[]): void {
  const folder = path.dirname(target);
  expect(existsSync(folder) ? readdirSync(folder).sort() : []).toEqual(expected);
}

describe("closecall restore", () => {
  it("restores every table's contents, the schema, the sequence and a verifiable audit chain", async () => {
    const target = newTarget();
    const result = await restore(backupDir, target);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/tables and [\d,]+ rows match the manifest; audit log intact \(5 entries\)\.$/);

    const original = await databaseContents(source.location);
    const restored = await databaseContents(target);
    expect(Object.keys(restored.contents)).toEqual(Object.keys(original.contents));
    for (const [table, rows] of Object.entries(original.contents))
      expect({ table, rows: restored.contents[table] }).toEqual({ table, rows });
    expect(restored.columns).toEqual(original.columns);
    expect(restored.nextDocId).toBe(original.nextDocId);
    // What the comparison covered: something in every kind of table.
    expect(original.contents.reports).toHaveLength(300);
    expect(original.contents.submissions).toHaveLength(3);
    expect(original.contents.audit_log).toHaveLength(5);
    expect(original.contents.sessions!.length).toBeGreaterThan(0);
    expect(original.contents.library_documents!.length).toBe(300);

    // A deployment as the server and `closecall audit verify` find it: the head file beside the database.
    expect(await main(["audit", "verify", "--db", target], captureIO(source.env))).toBe(0);
    for (const file of [target, path.join(path.dirname(target), "audit-head.json")])
      expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(target)).mode & 0o777).toBe(0o700);
    expectNothingLeftBeside(target, ["audit-head.json", "closecall.duckdb"]);
  });

  it("refuses a backup with one row changed in a Parquet file, naming the table; no target is created", async () => {
    const tampered = backupCopy();
    await changeOneTitle(tampered);
    const target = newTarget();
    const result = await restore(tampered, target);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /does not match its manifest: table reports has 300 rows as its manifest says, but their contents differ/,
    );
    expect(result.err).toMatch(/Nothing was restored: .* was not created\./);
    expect(existsSync(target)).toBe(false);
    expectNothingLeftBeside(target, []);
  });

  it("refuses a manifest with a changed row count; the database --force was to replace stays as it was", async () => {
    const target = newTarget();
    expect((await restore(backupDir, target)).code).toBe(0);
    const before = fileDigest(target);
    const tampered = backupCopy();
    editManifest(tampered, (m) => (m.tables.find((t) => t.name === "audit_log")!.rows += 1));

    const result = await restore(tampered, target, { force: true });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/table audit_log has 5 rows, its manifest says 6/);
    expect(result.err).toMatch(/is unchanged\./);
    expect(fileDigest(target)).toBe(before);
    expectNothingLeftBeside(target, ["audit-head.json", "closecall.duckdb"]);
  });

  it("never replaces an existing database without --force; with it, the backup's contents replace it", async () => {
    const target = newTarget();
    expect((await restore(backupDir, target)).code).toBe(0);
    const changed = await openDatabase({ location: target });
    await sql`UPDATE users SET display_name = 'changed after the backup'`.execute(changed.db);
    await changed.close();
    const countChanged = async () => {
      const database = await openDatabase({ location: target });
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM users
          WHERE display_name = 'changed after the backup'`.execute(database.db);
      await database.close();
      return rows[0]!.n;
    };
    const users = await countChanged();
    expect(users).toBeGreaterThan(0);

    const refused = await restore(backupDir, target);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/exists\. A restore writes a new database; to replace this one give --force/);
    expect(await countChanged()).toBe(users);

    const forced = await restore(backupDir, target, { force: true });
    expect(forced.code).toBe(0);
    expect(await countChanged()).toBe(0);
  });

  it("says what is wrong with a bad backup or key, and creates nothing", async () => {
    const cases: [string, () => string, RegExp, Record<string, string>?][] = [
      ["missing folder", () => path.join(folders.make(), "nowhere"), /There is no backup folder/],
      ["no manifest", () => folders.make(), /holds no manifest\.json: it is not a Close Call backup/],
      [
        "newer format",
        () => edited((m) => Object.assign(m, { formatVersion: 2 })),
        /written by a newer Close Call \(backup format 2; this version reads format 1\)/,
      ],
      [
        "unknown migration",
        () => edited((m) => m.migrations.push("0900-future")),
        /newer Close Call: its schema has migrations this version does not know \(0900-future\)/,
      ],
      [
        "damaged manifest",
        () => {
          const copy = backupCopy();
          truncateSync(path.join(copy, "manifest.json"), 40);
          return copy;
        },
        /manifest\.json is damaged \(not JSON/,
      ],
      [
        "damaged Parquet file",
        () => {
          const copy = backupCopy();
          truncateSync(path.join(copy, "users.parquet"), 100);
          return copy;
        },
        /could not be loaded \(a file is missing or damaged\)/,
      ],
      [
        "another deployment's key",
        () => backupDir,
        /audit log does not verify: entry 1/,
        { INTAKE_KEY: testIntakeKey() },
      ],
      ["no key", () => backupDir, /without the server key/, {}],
    ];
    for (const [label, dir, message, env] of cases) {
      const target = newTarget();
      const result = await restore(dir(), target, { env });
      expect({ label, code: result.code, err: result.err }).toEqual({
        label,
        code: 1,
        err: expect.stringMatching(message),
      });
      expect({ label, target: existsSync(target) }).toEqual({ label, target: false });
      expectNothingLeftBeside(target, []);
    }
    expect(await main(["restore", "--db", newTarget()], captureIO(source.env))).toBe(2);
  });
});

function edited(edit: (manifest: BackupManifest) => void): string {
  const copy = backupCopy();
  editManifest(copy, edit);
  return copy;
}
