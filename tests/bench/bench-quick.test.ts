// The benchmark's smoke run, `npm run bench:smoke` (.ci/run calls it after npm test): `npm run bench -- --quick`,
// every section on a small dataset, writing its report. Times are never checked (docs/design.md §9: benchmarks
// print figures); what is checked is that the harness works, that DuckDB and PostgreSQL return the same rows for
// every dashboard query (when PostgreSQL 15 is installed, as .ci/run does), and that no acknowledged submission
// is lost.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postgresUnavailable } from "../support/postgres-cluster";
import type { BenchResult } from "./result";

const root = path.resolve(import.meta.dirname, "../..");
const out = mkdtempSync(path.join(tmpdir(), "closecall-bench-quick-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run bench -- --quick", () => {
  it("runs every section, writes the Markdown and JSON reports, and finds nothing wrong", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "tests/bench/run.ts", "--quick", "--out", out], {
      cwd: root,
      encoding: "utf8",
      timeout: 170_000,
    });
    // `npm run bench:smoke` shows the figures it measured (never checked: a busy machine is not a failure).
    console.log(run.stdout);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const result = JSON.parse(readFileSync(path.join(out, "latest.json"), "utf8")) as BenchResult;
    expect(result.errors).toEqual([]);
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.load!.reports).toBe(3000);
    expect(result.load!.peakRssMiB).toBeGreaterThan(0);

    const views = result.analytics!.dashboards.map((d) => d.title);
    expect(views).toEqual([
      expect.stringContaining("large agency"),
      expect.stringContaining("small agency"),
      expect.stringContaining("National view"),
    ]);
    for (const d of result.analytics!.dashboards)
      expect(d.measures.map((m) => m.measure)).toContain("ALL MEASURES (getDashboard)");

    expect(result.search!.measures[0]!.perQuery["traffic stop"]!.total).toBeGreaterThan(0);

    const unavailable = postgresUnavailable();
    if (unavailable) {
      expect(result.postgres).toMatchObject({ available: false, reason: unavailable });
    } else {
      expect(result.postgres!.available).toBe(true);
      expect(result.postgres!.version).toMatch(/^PostgreSQL 15/);
      expect(result.postgres!.layouts!.map((l) => l.name)).toEqual([
        "same rollup tables",
        "published tables, rollups as views",
      ]);
      for (const layout of result.postgres!.layouts!) {
        for (const d of layout.dashboards) {
          expect(d.queries.length).toBeGreaterThan(5);
          expect(d.queries.filter((q) => !q.equal).map((q) => `${layout.name}: ${q.label}`)).toEqual([]);
        }
      }
    }

    // Every page that exists was loaded at 10 and 50 clients without an error.
    const measured = new Set(result.http!.runs.map((r) => r.path));
    expect(measured).toEqual(
      new Set(["/reports", "/reports?q=traffic+stop", "/report", ...(result.http!.skipped.length ? [] : ["/agency"])]),
    );
    for (const r of result.http!.runs) expect(r.errors, `${r.path} at ${r.connections}`).toBe(0);
    expect(result.http!.runs.find((r) => r.path === "/report" && r.connections === 10)!.requests).toBeGreaterThan(0);

    const [steady, killed] = result.durability!.phases;
    expect(steady!.acknowledged).toBeGreaterThan(0);
    expect(steady!.lost).toBe(0);
    expect(killed!.kill).toBeDefined();
    expect(killed!.acknowledged).toBeGreaterThan(0);
    expect(killed!.lost).toBe(0);

    const markdown = readFileSync(path.join(out, "latest.md"), "utf8");
    expect(markdown).toContain("## Targets");
    expect(markdown).toContain("## 6. Submission durability");
  }, 180_000);
});
