import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findServerOnlyCode, listFiles } from "./support/bundle-scan";

// The classic compiler empties *.server.ts modules in the browser build but never fails the build
// when server code leaks through another path. The global setup builds the app; this reads the output.
const root = path.resolve(import.meta.dirname, "..");

describe("client bundle", () => {
  it("contains no server-only code (DuckDB, Kysely, the dialect, argon2, secrets, file paths)", () => {
    const files = listFiles(path.join(root, "public", "build"), ".js");
    expect(files.length).toBeGreaterThan(3);
    expect(findServerOnlyCode(files)).toEqual([]);
  });

  it("the scanner finds server-only code when it is there", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "closecall-bundle-"));
    try {
      const leaked = path.join(dir, "route-leak.js");
      writeFileSync(leaked, 'import{DuckDBInstance as a}from"@duckdb/node-api";');
      expect(findServerOnlyCode([leaked]).map((h) => h.marker)).toEqual(["@duckdb/node-api", "DuckDBInstance"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
