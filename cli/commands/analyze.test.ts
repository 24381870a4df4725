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
  expect(await main(["seed", "--reports", "8000", "--seed", "4", "--agencies", "60", "--db", dir], captureIO())).toBe(0);
  const database = await openDatabase({ location: path.join(dir, "closecall.duckdb") });
  agencies = (await sql<{ id: string; name: string }>`SELECT id::VARCHAR AS id, name FROM agencies`.execute(database.db)).rows;
  await database.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("closecall analyze", () => {
  it("prints every measure of the national dashboard as JSON", async () => {
    const io = captureIO();
    expect(await main(["analyze", "--db", dir, "--from", "2024-01", "--to", "2025-12", "--json"], io)).toBe(0);
    const d = JSON.parse(io.stdout.join("\n"));
    expect(Object.keys(d).sort()).toEqual(["cooccurrence", "emergingRisks", "factorProfile", "funnel", "incidentFactorMatrix", "lossPotentialMix", "trends"]);
    expect(d.factorProfile.meta.window).toEqual({ from: "2024-01", to: "2025-12", months: 24 });
    expect(d.factorProfile.meta.subject.kind).toBe("national");
  });

  it("with --agency, prints that agency's dashboard suppressed as the agency sees it (no other agency in it)", async () => {
    const metro = agencies.find((a) => a.name === "Metro City Police Department")!;
    const io = captureIO({ PRIVACY_K: "10" });
    expect(await main(["analyze", "--db", dir, "--agency", metro.id, "--incident-type", "traffic_stop", "--json"], io)).toBe(0);
    const text = io.stdout.join("\n");
    const d = JSON.parse(text);
    expect(d.factorProfile.meta.subject.kind).toBe("agency");
    expect(d.factorProfile.meta.filters.incidentType).toBe("traffic_stop");
    expect(d.funnel.agencies).toHaveLength(1);
    expect(d.funnel.factors[0].points).toHaveLength(1);
    for (const a of agencies) if (a.id !== metro.id) expect(text.includes(a.name)).toBe(false);
    // Small traffic-stop cells of one agency are withheld, never printed as numbers below k.
    expect(text).toContain('"suppressed":true');
  });

  it("answers bad input with a message and exit code 2, and an unknown agency with 1", async () => {
    const badMonth = captureIO();
    expect(await main(["analyze", "--db", dir, "--from", "2025-13"], badMonth)).toBe(2);
    expect(badMonth.stderr.join("\n")).toContain("Use a month like 2025-04");
    const badType = captureIO();
    expect(await main(["analyze", "--db", dir, "--incident-type", "bank_robbery"], badType)).toBe(2);
    expect(badType.stderr.join("\n")).toContain("incidentType");
    const badAgency = captureIO();
    expect(await main(["analyze", "--db", dir, "--agency", "metro"], badAgency)).toBe(2);
    const unknown = captureIO();
    expect(await main(["analyze", "--db", dir, "--agency", "00000000-0000-4000-8000-000000000000"], unknown)).toBe(1);
    expect(unknown.stderr.join()).toContain("No active partner agency");
    const badK = captureIO({ PRIVACY_K: "1" });
    expect(await main(["analyze", "--db", dir], badK)).toBe(2);
  });

  it("prints a short summary without --json", async () => {
    const io = captureIO();
    expect(await main(["analyze", "--db", dir], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/National \(all reports\), \d{4}-\d\d to \d{4}-\d\d: \d+ reports/);
  });
});
