// Backups of a PostgreSQL deployment (scale-out): pg_dump of one snapshot with the manifest of the
// embedded mode's backups, and a restore into an empty database checked table by table and by its audit chain.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServerKey } from "../intake/server-key";
import { copyRecordTables, RECORD_TABLES } from "../move/copy-database";
import { openDatabase } from "../open";
import { openPostgres } from "../open-postgres";
import { main } from "../../cli/main";
import { seededDeployment, temporaryFolders } from "../../tests/support/backup-fixture";
import { captureIO } from "../../tests/support/command-io";
import { tableRows } from "../../tests/support/table-rows";
import { createPostgresDatabase, testBackends } from "../../tests/support/test-backends";
import { BackupError } from "./manifest";
import { backupPostgres, restorePostgres } from "./postgres-backup";
import { restoreBackup } from "./restore";

testBackends(); // this file's throw-away PostgreSQL cluster, stopped after its last test
const folders = temporaryFolders("closecall-pg-backup-");
afterAll(() => folders.removeAll());
let source: string;
let auditKey: Buffer;
let keyText: string;

beforeAll(async () => {
  const deployment = await seededDeployment(folders.make(), 300);
  const key = loadServerKey({ envKey: deployment.keyText, dataDir: path.dirname(deployment.location) });
  if (!key.ok) throw new Error(key.reason);
  auditKey = key.key.auditKey;
  keyText = deployment.keyText;
  source = await createPostgresDatabase();
  const [file, postgres] = [await openDatabase({ location: deployment.location }), await openPostgres(source)];
  try {
    await copyRecordTables(file.db, postgres.db);
  } finally {
    await postgres.close();
    await file.close();
  }
});

async function rows(url: string, table: (typeof RECORD_TABLES)[number]): Promise<string[]> {
  const store = await openPostgres(url);
  try {
    return await tableRows(store.db, table);
  } finally {
    await store.close();
  }
}

describe("backups of a PostgreSQL deployment", () => {
  it("restores into an empty database with every table equal, row for row, and the audit chain verified", async () => {
    const dir = path.join(folders.make(), "backup");
    const manifest = await backupPostgres(source, dir);
    expect(manifest.store).toBe("postgresql");
    expect(manifest.tables.find((t) => t.name === "reports")!.rows).toBeGreaterThan(0);
    expect(manifest.auditHead).not.toBeNull();
    const target = await createPostgresDatabase({ empty: true });
    const restored = await restorePostgres({ dir, url: target, auditKey });
    expect(restored.auditEntries).toBe(manifest.auditHead!.seq);
    for (const table of RECORD_TABLES) expect(await rows(target, table), table).toEqual(await rows(source, table));
  });

  it("refuses a tampered manifest, a database holding tables, a wrong key, the other mode's backup", async () => {
    const dir = path.join(folders.make(), "backup");
    await backupPostgres(source, dir);
    await expect(restorePostgres({ dir, url: source, auditKey })).rejects.toThrow(/already holds tables/);
    await expect(
      restorePostgres({ dir, url: await createPostgresDatabase({ empty: true }), auditKey: Buffer.alloc(32) }),
    ).rejects.toThrow(/audit log does not verify/);
    await expect(
      restoreBackup({ dir, target: path.join(folders.make(), "x.duckdb"), auditKey, force: false }),
    ).rejects.toThrow(/PostgreSQL deployment/);
    const manifestFile = path.join(dir, "manifest.json");
    const original = readFileSync(manifestFile, "utf8");
    type Tables = { tables: { name: string; rows: number; digest: string }[] };
    // One table's contents said to be other than they are (same count): refused by its digest.
    const otherDigest = JSON.parse(original) as Tables;
    otherDigest.tables.find((t) => t.name === "users")!.digest = "0".repeat(64);
    writeFileSync(manifestFile, JSON.stringify(otherDigest));
    await expect(
      restorePostgres({ dir, url: await createPostgresDatabase({ empty: true }), auditKey }),
    ).rejects.toThrow(/Table users does not match the manifest .*contents differ/);
    const manifest = JSON.parse(original) as Tables;
    manifest.tables.find((t) => t.name === "reports")!.rows += 1;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const tampered = restorePostgres({ dir, url: await createPostgresDatabase({ empty: true }), auditKey });
    await expect(tampered).rejects.toThrow(BackupError);
    await expect(tampered).rejects.toThrow(/Table reports does not match the manifest/);
  });

  it("is what closecall backup and restore do when DATABASE_URL is set", async () => {
    const dir = path.join(folders.make(), "backup");
    const target = await createPostgresDatabase({ empty: true });
    const backedUp = captureIO({ DATABASE_URL: source, INTAKE_KEY: keyText });
    expect(await main(["backup", dir], backedUp)).toBe(0);
    expect(backedUp.stdout[0]).toMatch(/^Backed up postgresql:\/\/.* \d+ tables/);
    const restored = captureIO({ DATABASE_URL: target, INTAKE_KEY: keyText });
    expect(await main(["restore", dir], restored)).toBe(0);
    expect(restored.stdout[0]).toMatch(/rows match the manifest; audit log intact/);
    const again = captureIO({ DATABASE_URL: target, INTAKE_KEY: keyText });
    expect(await main(["restore", dir], again)).toBe(1);
    expect(again.stderr.join("\n")).toMatch(/already holds tables/);
  });

  it("refuses a folder that is not empty", async () => {
    const dir = folders.make();
    writeFileSync(path.join(dir, "other"), "x");
    await expect(backupPostgres(source, dir)).rejects.toThrow(/not empty/);
    expect(readFileSync(path.join(dir, "other"), "utf8")).toBe("x");
  });
});
