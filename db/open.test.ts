import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./open";
import { sqlStringLiteral } from "./sql-text";

const dir = mkdtempSync(path.join(tmpdir(), "closecall-open-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const copyTo = (file: string) => sql.raw(`COPY (SELECT 1 AS one) TO ${sqlStringLiteral(file)} (FORMAT csv)`);

describe("openDatabase's lock-down", () => {
  it("closes file access and the configuration; fileAccessOnlyTo opens one folder, nothing beside it", async () => {
    const locked = await openDatabase({ location: ":memory:" });
    await expect(copyTo(path.join(dir, "a.csv")).execute(locked.db)).rejects.toThrow(/disabled by configuration/);
    await expect(sql`SET enable_external_access = true`.execute(locked.db)).rejects.toThrow(/locked/);
    await locked.close();

    const backupDir = path.join(dir, "backup");
    mkdirSync(backupDir);
    mkdirSync(`${backupDir}-other`);
    const opened = await openDatabase({ location: ":memory:", fileAccessOnlyTo: backupDir });
    await copyTo(path.join(backupDir, "a.csv")).execute(opened.db);
    expect(existsSync(path.join(backupDir, "a.csv"))).toBe(true);
    // A sibling whose name starts like the folder's stays closed (the allowed path ends in a separator).
    await expect(copyTo(path.join(`${backupDir}-other`, "a.csv")).execute(opened.db)).rejects.toThrow(/disabled/);
    await expect(copyTo(path.join(dir, "b.csv")).execute(opened.db)).rejects.toThrow(/disabled by configuration/);
    await expect(sql`SET allowed_directories = ['/']`.execute(opened.db)).rejects.toThrow(/locked/);
    await opened.close();
  });
});
