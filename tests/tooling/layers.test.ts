// The layer rules of .dependency-cruiser.cjs hold on the real tree, and they do catch wrong-way imports:
// a small project written to a temporary folder breaks each rule once (and keeps every allowed import),
// and the cruiser must name exactly those violations.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const config = path.join(root, ".dependency-cruiser.cjs");
const cli = path.join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

interface CruiseResult {
  summary: { violations: { rule: { name: string }; from: string; to: string }[]; totalCruised: number };
}

/** Runs the cruiser the way `npm run lint:deps` does, on `folders` under `cwd`, and reads its JSON report. */
function cruise(cwd: string, folders: string[]): CruiseResult {
  const args = [cli, ...folders, "--config", config, "--output-type", "json"];
  try {
    return JSON.parse(
      execFileSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 }),
    ) as CruiseResult;
  } catch (error) {
    // The cruiser exits non-zero when it finds violations; its report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return JSON.parse(stdout) as CruiseResult;
  }
}

/** "rule: from → to"; a package is named by its folder (node_modules may be a link, as in a worktree). */
function described(result: CruiseResult): string[] {
  const target = (to: string) => to.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, "$1");
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${target(v.to)}`).sort();
}

/** The folders `npm run lint:deps` cruises, read from package.json so that the two never drift apart. */
function lintDepsFolders(): string[] {
  const scripts = (
    JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  const words = scripts["lint:deps"]!.split(/\s+/);
  expect(words[0]).toBe("depcruise");
  return words.slice(1, words.indexOf("--config"));
}

/** A small project, file → lines: the imports of the first part are allowed, each of the second breaks a rule. */
const project: Record<string, string[]> = {
  "tsconfig.json": [JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] } } })],
  // Allowed: host → app → orchestration → exports → analytics → db → domain; cli → orchestration; scripts → all.
  "server/host.ts": [
    'import { service } from "../app/feature/service.server";',
    'import "../orchestration/publish";',
    "export const host = service;",
  ],
  "server/page-cache/page-cache.ts": ["export interface PageView { path: string }", "export const pageCache = 1;"],
  "app/routes/page.tsx": [
    'import { service } from "~/feature/service.server";',
    'import { label } from "../../domain/words";',
    "export const page = [service, label];",
  ],
  "app/feature/service.server.ts": [
    'import { publish } from "../../orchestration/publish";',
    'import type { PageView } from "../../server/page-cache/page-cache";',
    "export const service: PageView | number = publish;",
  ],
  "app/feature/widget.tsx": [
    'import type { service } from "./service.server";',
    'import type { Rules } from "../../analytics/measure";',
    'import { reportColumns } from "../../db/schema/report.table";',
    'import { label } from "../../domain/words";',
    "export type Service = typeof service;",
    "export const widget: Rules = label.length + reportColumns;",
  ],
  "orchestration/publish.ts": [
    'import { measure } from "../analytics/measure";',
    'import { write } from "../exports/writer";',
    "export const publish = measure + write;",
  ],
  "exports/writer.ts": [
    'import type { Rules } from "../analytics/measure";',
    'import { label } from "../domain/words";',
    "export const write: Rules = label.length;",
  ],
  "analytics/measure.ts": [
    'import { rows } from "../db/rows";',
    "export type Rules = number;",
    "export const measure = rows;",
  ],
  "analytics/types-a.ts": ['import type { B } from "./types-b";', "export type A = B | 1;", "export const a = 1;"],
  "analytics/types-b.ts": ['import { a } from "./types-a";', "export type B = 2;", "export const b = a;"],
  "db/rows.ts": ['import { label } from "../domain/words";', "export const rows = label.length;"],
  "db/schema/report.table.ts": [
    'import type { Kysely } from "kysely";',
    'import { label } from "../../domain/words";',
    "export interface Report { id: string; db?: Kysely<unknown> }",
    "export const reportColumns = label.length;",
  ],
  "domain/words.ts": [
    'import { z } from "zod";',
    'import type { Report } from "../db/schema/report.table";',
    'export const label: string = z.string().parse("x");',
    "export type Row = Report;",
  ],
  "cli/command.ts": ['import { publish } from "../orchestration/publish";', "export const command = publish;"],
  "scripts/start.ts": ['import { host } from "../server/host";', "export const start = host;"],

  // Wrong way.
  "db/reaches-up.ts": ['import { service } from "../app/feature/service.server";', "export const x = service;"],
  "db/schema/queries.table.ts": ['import { rows } from "../rows";', "export const x = rows;"],
  "analytics/writes.ts": ['import { write } from "../exports/writer";', "export const x = write;"],
  "analytics/cycle-a.ts": ['import { b } from "./cycle-b";', "export const a = () => b;"],
  "analytics/cycle-b.ts": ['import { a } from "./cycle-a";', "export const b = () => a;"],
  "exports/queries.ts": ['import { rows } from "../db/rows";', "export const x = rows;"],
  "orchestration/calls-app.ts": [
    'import { service } from "../app/feature/service.server";',
    "export const x = service;",
  ],
  "orchestration/uses-script.ts": ['import { start } from "../scripts/start";', "export const x = start;"],
  "app/feature/uses-host.server.ts": ['import { host } from "../../server/host";', "export const x = host;"],
  "app/feature/runs-page-cache.server.ts": [
    'import { pageCache } from "../../server/page-cache/page-cache";',
    "export const x = pageCache;",
  ],
  "app/feature/missing.server.ts": ['import { gone } from "./not-there";', "export const x = gone;"],
  "app/feature/browser-widget.tsx": ['import { service } from "./service.server";', "export const x = service;"],
  "app/feature/browser-chart.tsx": ['import { measure } from "../../analytics/measure";', "export const x = measure;"],
  "app/routes/queries.tsx": ['import { rows } from "../../db/rows";', "export const x = rows;"],
  "cli/uses-app.ts": ['import { service } from "../app/feature/service.server";', "export const x = service;"],
  "server/uses-cli.ts": ['import { command } from "../cli/command";', "export const x = command;"],
  "domain/reaches-up.ts": ['import { measure } from "../analytics/measure";', "export const x = measure;"],
  "domain/takes-table-value.ts": [
    'import { reportColumns } from "../db/schema/report.table";',
    "export const x = reportColumns;",
  ],
  "domain/uses-node.ts": ['import { readFileSync } from "node:fs";', "export const x = readFileSync;"],
  "domain/uses-kysely.ts": ['import { sql } from "kysely";', "export const x = sql;"],
};

/** What the cruiser must report on that project: rule, importing file, imported file or package. */
const expectedViolations = [
  "db-imports-only-db-and-domain: db/reaches-up.ts → app/feature/service.server.ts",
  "db-schema-is-browser-safe: db/schema/queries.table.ts → db/rows.ts",
  "analytics-imports-only-db-and-domain: analytics/writes.ts → exports/writer.ts",
  // One report per cycle; the cycle closed by a type import (types-a ↔ types-b) is allowed.
  "no-circular: analytics/cycle-a.ts → analytics/cycle-b.ts",
  "exports-import-no-db-or-callers: exports/queries.ts → db/rows.ts",
  "orchestration-imports-no-callers: orchestration/calls-app.ts → app/feature/service.server.ts",
  "orchestration-imports-no-callers: orchestration/uses-script.ts → scripts/start.ts",
  "nothing-imports-scripts: orchestration/uses-script.ts → scripts/start.ts",
  "app-imports-no-host: app/feature/uses-host.server.ts → server/host.ts",
  "app-imports-page-cache-types-only: app/feature/runs-page-cache.server.ts → server/page-cache/page-cache.ts",
  "no-unresolvable: app/feature/missing.server.ts → ./not-there",
  "browser-modules-import-no-server-modules: app/feature/browser-widget.tsx → app/feature/service.server.ts",
  "browser-modules-take-values-from-domain: app/feature/browser-chart.tsx → analytics/measure.ts",
  "routes-import-services-not-data: app/routes/queries.tsx → db/rows.ts",
  "cli-imports-no-web: cli/uses-app.ts → app/feature/service.server.ts",
  "host-imports-no-cli: server/uses-cli.ts → cli/command.ts",
  "domain-imports-only-domain: domain/reaches-up.ts → analytics/measure.ts",
  "domain-imports-db-row-types-only: domain/takes-table-value.ts → db/schema/report.table.ts",
  "domain-is-browser-safe: domain/uses-node.ts → fs",
  "domain-is-browser-safe: domain/uses-kysely.ts → kysely",
];

describe("layers (dependency-cruiser)", () => {
  it("cruises every top-level code folder", () => {
    const folders = ["analytics", "app", "cli", "db", "domain", "exports", "orchestration", "scripts", "server"];
    expect(lintDepsFolders().sort()).toEqual(folders);
  });

  it("finds no violation in the real tree", () => {
    const result = cruise(root, lintDepsFolders());
    expect(result.summary.totalCruised).toBeGreaterThan(400);
    expect(described(result)).toEqual([]);
  });

  it("has a wrong-way import for every rule (a new rule needs one in the project)", () => {
    const rules = (createRequire(import.meta.url)(config) as { forbidden: { name: string }[] }).forbidden.map(
      (r) => r.name,
    );
    expect(new Set(rules).size).toBe(rules.length);
    expect([...new Set(expectedViolations.map((v) => v.split(":")[0]))].sort()).toEqual([...rules].sort());
  });

  describe("on a project that breaks each rule", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "closecall-layers-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    for (const [file, lines] of Object.entries(project)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), `${lines.join("\n")}\n`);
    }
    // The real packages, so that npm imports (zod allowed in domain/, kysely not) resolve as they do in the app.
    symlinkSync(realpathSync(path.join(root, "node_modules")), path.join(dir, "node_modules"), "dir");

    it("reports exactly the wrong-way imports, each under its rule", () => {
      const result = cruise(dir, [
        "app",
        "server",
        "cli",
        "orchestration",
        "exports",
        "analytics",
        "db",
        "domain",
        "scripts",
      ]);
      expect(described(result)).toEqual([...expectedViolations].sort());
    });
  });
});
