import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/open";
import { main } from "../main";
import { captureIO } from "../../tests/support/command-io";

const dir = mkdtempSync(path.join(tmpdir(), "closecall-analyze-"));
let agencies: { id: string; name: string }[];
beforeAll(async () => {
  expect(await main(["seed", "--reports", "8000", "--seed", "4", "--agencies", "60", "--db", dir], captureIO())).toBe(
    0,
  );
  const database = await openDatabase({ location: path.join(dir, "closecall.duckdb") });
  agencies = (
    await sql<{ id: string; name: string }>`SELECT id::VARCHAR AS id, name FROM agencies`.execute(database.db)
  ).rows;
  await database.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("closecall analyze", () => {
  it("prints every measure of the national dashboard as JSON", async () => {
    const io = captureIO();
    expect(await main(["analyze", "--db", dir, "--from", "2024-01", "--to", "2025-12", "--json"], io)).toBe(0);
    const d = JSON.parse(io.stdout.join("\n"));
    expect(Object.keys(d).sort()).toEqual([
      "cooccurrence",
      "emergingRisks",
      "factorProfile",
      "funnel",
      "incidentFactorMatrix",
      "lossPotentialMix",
      "trends",
    ]);
    expect(d.factorProfile.meta.window).toEqual({ from: "2024-01", to: "2025-12", months: 24 });
    expect(d.factorProfile.meta.subject.kind).toBe("national");
  });

  it("refuses an agency's figures: they come from its release book, never computed per request", async () => {
    const metro = agencies.find((a) => a.name === "Metro City Police Department")!;
    for (const args of [
      ["--agency", metro.id],
      ["--scope", "agency"],
      ["--scope", "peer_size"],
    ]) {
      const io = captureIO();
      expect(await main(["analyze", "--db", dir, ...args, "--json"], io)).toBe(2);
      expect(io.stdout.join("")).toBe("");
      expect(io.stderr.join("\n")).toContain("release book");
    }
  });

  it("answers bad input with a message and exit code 2", async () => {
    const badMonth = captureIO();
    expect(await main(["analyze", "--db", dir, "--from", "2025-13"], badMonth)).toBe(2);
    expect(badMonth.stderr.join("\n")).toContain("Use a month like 2025-04");
    const badType = captureIO();
    expect(await main(["analyze", "--db", dir, "--incident-type", "bank_robbery"], badType)).toBe(2);
    expect(badType.stderr.join("\n")).toContain("incidentType");
    const badK = captureIO({ PRIVACY_K: "1" });
    expect(await main(["analyze", "--db", dir], badK)).toBe(2);
  });

  it("prints a short summary without --json", async () => {
    const io = captureIO();
    expect(await main(["analyze", "--db", dir], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/National \(all reports\), \d{4}-\d\d to \d{4}-\d\d: \d+ reports/);
  });
});
