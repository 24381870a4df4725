import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackupManifest } from "../../db/backup/manifest";
import { migrations } from "../../db/migrations/index";
import { databaseContents, seededDeployment, temporaryFolders } from "../../tests/support/backup-fixture";
import { captureIO } from "../../tests/support/command-io";
import { holdDatabase } from "../../tests/support/hold-database";
import { main } from "../main";

const folders = temporaryFolders("closecall-backup-");
afterAll(() => folders.removeAll());

let source: Awaited<ReturnType<typeof seededDeployment>>;
beforeAll(async () => {
  source = await seededDeployment(folders.make());
});

async function backup(dir: string, location = source.location) {
  const io = captureIO(source.env);
  const code = await main(["backup", dir, "--db", location], io);
  return { code, out: io.stdout, err: io.stderr };
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("closecall backup", () => {
  it("writes every table and a manifest (counts, digests, migrations, audit head), for its owner only", async () => {
    const dir = path.join(folders.make(), "nested", "backup");
    // A umask that leaves files readable by others: the backup must narrow them itself.
    const umask = process.umask(0o022);
    let result: Awaited<ReturnType<typeof backup>>;
    try {
      result = await backup(dir);
    } finally {
      process.umask(umask);
    }
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^Backed up .* \d+ tables, [\d,]+ rows, 5 audit entries\.$/);

    expect(modeOf(dir)).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(["manifest.json", "schema.sql", "load.sql", "reports.parquet"]));
    for (const file of files) expect({ file, mode: modeOf(path.join(dir, file)) }).toEqual({ file, mode: 0o600 });

    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as BackupManifest;
    const { contents } = await databaseContents(source.location);
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.migrations).toEqual(Object.keys(migrations).sort());
    expect(manifest.tables.map((t) => t.name)).toEqual(Object.keys(contents));
    for (const table of manifest.tables) {
      expect({ table: table.name, rows: table.rows }).toEqual({
        table: table.name,
        rows: contents[table.name]!.length,
      });
      expect(table.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(files).toContain(`${table.name}.parquet`);
    }
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    expect(byName.get("reports")!.rows).toBe(300);
    expect(byName.get("submissions")!.rows).toBe(3);
    expect(byName.get("sessions")!.rows).toBeGreaterThan(0);
    expect(manifest.auditHead).toEqual({ seq: 5, hash: (contents.audit_log!.at(-1) as { hash: string }).hash });
    // Distinct contents give distinct digests (empty tables share the digest of nothing).
    const filled = manifest.tables.filter((t) => t.rows > 0);
    expect(new Set(filled.map((t) => t.digest)).size).toBe(filled.length);
  });

  it("refuses a folder that is not empty and writes nothing into it; takes an empty one", async () => {
    const dir = folders.make();
    writeFileSync(path.join(dir, "notes.txt"), "an operator's notes\n");
    const refused = await backup(dir);
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/is not empty: a backup goes to a new or empty folder/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);

    const empty = folders.make();
    expect((await backup(empty)).code).toBe(0);
    expect(modeOf(empty)).toBe(0o700);
    expect(readdirSync(empty)).toContain("manifest.json");
  });

  it("refuses a database a running server holds (exit 3) and one that does not exist, writing nothing", async () => {
    const dir = path.join(folders.make(), "backup");
    const release = await holdDatabase(source.location);
    try {
      const held = await backup(dir);
      expect(held.code).toBe(3);
      expect(held.err[0]).toMatch(/is in use by another process/);
    } finally {
      release();
    }
    const missing = path.join(folders.make(), "closecall.duckdb");
    const absent = await backup(dir, missing);
    expect(absent.code).toBe(1);
    expect(absent.err[0]).toMatch(/There is no database at/);
    expect(readdirSync(path.dirname(dir))).toEqual([]);
    expect(readdirSync(path.dirname(missing))).toEqual([]);

    expect(await main(["backup", "--db", source.location], captureIO())).toBe(2);
  });
});
