import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./main";
import { captureIO } from "../tests/support/command-io";
import { holdDatabase } from "../tests/support/hold-database";

const dir = mkdtempSync(path.join(tmpdir(), "closecall-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("closecall CLI", () => {
  it("lists its commands with --help", async () => {
    const io = captureIO();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/migrate[\s\S]*seed[\s\S]*stats/);
  });

  it("rejects an unknown command and bad arguments with a message and a non-zero code", async () => {
    const unknown = captureIO();
    expect(await main(["frobnicate"], unknown)).toBe(2);
    expect(unknown.stderr.join()).toContain('Unknown command "frobnicate"');

    const bad = captureIO();
    expect(await main(["seed", "--reports", "many", "--db", dir], bad)).toBe(2);
    expect(bad.stderr.join("\n")).toContain('--reports must be a whole number (0 or more), got "many"');

    const unknownOption = captureIO();
    expect(await main(["stats", "--colour"], unknownOption)).toBe(2);
    expect(unknownOption.stderr.join("\n")).toMatch(/Unknown option '--colour'/);
  });

  it("migrates, seeds and counts into the --db path", async () => {
    const target = path.join(dir, "a");
    expect(await main(["migrate", "--db", target], captureIO())).toBe(0);
    expect(
      await main(["seed", "--reports", "200", "--seed", "3", "--agencies", "50", "--db", target], captureIO()),
    ).toBe(0);
    const io = captureIO();
    expect(await main(["stats", "--json", "--db", target], io)).toBe(0);
    const counts = JSON.parse(io.stdout[0]!);
    expect(counts.reports).toBe(200);
    expect(counts.agencies).toBe(50);
    const again = captureIO();
    expect(await main(["seed", "--reports", "10", "--db", target], again)).toBe(1);
    expect(again.stderr.join()).toContain("already holds reports");
  });

  it("says clearly when a running server holds the database", async () => {
    const target = path.join(dir, "locked", "closecall.duckdb");
    expect(await main(["migrate", "--db", target], captureIO())).toBe(0);
    const release = await holdDatabase(target);
    try {
      const io = captureIO();
      expect(await main(["stats", "--db", target], io)).toBe(3);
      expect(io.stderr.join()).toContain("in use by another process");
    } finally {
      release();
    }
  });
});
