// The layer rules of .dependency-cruiser.cjs hold on the real tree, and they do catch wrong-way imports:
// a small project written to a temporary folder breaks each rule once (and keeps every allowed import),
// and the cruiser must name exactly those violations.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const config = path.join(root, ".dependency-cruiser.cjs");
const cli = path.join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}
interface CruiseResult {
  summary: { violations: Violation[]; totalCruised: number };
}

/** Runs the cruiser the way `npm run lint:deps` does, on `folders` under `cwd`, and reads its JSON report. */
function cruise(cwd: string, folders: string[]): CruiseResult {
  // The cruiser exits non-zero when it finds violations; the report on stdout is what is checked.
  const args = [cli, ...folders, "--config", config, "--output-type", "json"];
  try {
    return JSON.parse(execFileSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as CruiseResult;
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return JSON.parse(stdout) as CruiseResult;
  }
}

/** The folders `npm run lint:deps` cruises, read from package.json so that the two never drift apart. */
function lintDepsFolders(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const words = scripts["lint:deps"]!.split(/\s+/);
  expect(words[0]).toBe("depcruise");
  return words.slice(1, words.indexOf("--config"));
}

describe("layers (dependency-cruiser)", () => {
  it("cruises every top-level code folder", () => {
    expect(lintDepsFolders().sort()).toEqual(["analytics", "app", "cli", "db", "domain", "exports", "orchestration", "scripts", "server"]);
  });

  it("finds no violation in the real tree", () => {
    const result = cruise(root, lintDepsFolders());
    expect(result.summary.totalCruised).toBeGreaterThan(400);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  describe("on a project with one wrong-way import per rule", () => {
    const project = mkdtempSync(path.join(tmpdir(), "closecall-layers-"));
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    const files: Record<string, string> = {
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] }, allowImportingTsExtensions: true } }),
      // Allowed, layer by layer: host → app → orchestration → analytics → db → domain; cli → orchestration.
      "server/host.ts": 'import { service } from "../app/feature/service.server";\nimport "../orchestration/publish";\nexport const host = service;\n',
      "server/page-cache/page-cache.ts": "export interface PageView { path: string }\nexport const pageCache = 1;\n",
      "app/routes/page.tsx": 'import { service } from "~/feature/service.server";\nimport { label } from "../../domain/words";\nexport const page = [service, label];\n',
      "app/feature/service.server.ts": 'import { publish } from "../../orchestration/publish";\nimport type { PageView } from "../../server/page-cache/page-cache";\nexport const service: PageView | number = publish;\n',
      "app/feature/widget.tsx": 'import type { service } from "./service.server";\nimport { label } from "../../domain/words";\nexport type Service = typeof service;\nexport const widget = label;\n',
      "orchestration/publish.ts": 'import { measure } from "../analytics/measure";\nimport { write } from "../exports/writer";\nexport const publish = measure + write;\n',
      "exports/writer.ts": 'import type { Rules } from "../analytics/measure";\nimport { label } from "../domain/words";\nexport const write: Rules = label.length;\n',
      "analytics/measure.ts": 'import { rows } from "../db/rows";\nexport type Rules = number;\nexport const measure = rows;\n',
      "analytics/types-a.ts": 'import type { B } from "./types-b";\nexport type A = B | 1;\nexport const a = 1;\n',
      "analytics/types-b.ts": 'import { a } from "./types-a";\nexport type B = 2;\nexport const b = a;\n',
      "db/rows.ts": 'import { label } from "../domain/words";\nexport const rows = label.length;\n',
      "db/schema/report.table.ts": "export interface Report { id: string }\nexport const reportColumns = 1;\n",
      "domain/words.ts": 'import { z } from "zod";\nimport type { Report } from "../db/schema/report.table";\nexport const label: string = z.string().parse("x");\nexport type Row = Report;\n',
      "cli/command.ts": 'import { publish } from "../orchestration/publish";\nexport const command = publish;\n',
      "scripts/start.ts": 'import { host } from "../server/host";\nexport const start = host;\n',

      // Wrong way, one per rule.
      "db/reaches-up.ts": 'import { service } from "../app/feature/service.server";\nexport const x = service;\n',
      "analytics/writes.ts": 'import { write } from "../exports/writer";\nexport const x = write;\n',
      "exports/queries.ts": 'import { rows } from "../db/rows";\nexport const x = rows;\n',
      "orchestration/calls-app.ts": 'import { service } from "../app/feature/service.server";\nexport const x = service;\n',
      "app/feature/uses-host.server.ts": 'import { host } from "../../server/host";\nexport const x = host;\n',
      "app/feature/runs-page-cache.server.ts": 'import { pageCache } from "../../server/page-cache/page-cache";\nexport const x = pageCache;\n',
      "app/routes/queries.tsx": 'import { rows } from "../../db/rows";\nexport const x = rows;\n',
      "app/feature/browser-widget.tsx": 'import { service } from "./service.server";\nexport const x = service;\n',
      "cli/uses-app.ts": 'import { service } from "../app/feature/service.server";\nexport const x = service;\n',
      "server/uses-cli.ts": 'import { command } from "../cli/command";\nexport const x = command;\n',
      "domain/reaches-up.ts": 'import { measure } from "../analytics/measure";\nexport const x = measure;\n',
      "domain/takes-table-value.ts": 'import { reportColumns } from "../db/schema/report.table";\nexport const x = reportColumns;\n',
      "domain/uses-node.ts": 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
      "domain/uses-kysely.ts": 'import { sql } from "kysely";\nexport const x = sql;\n',
      "analytics/cycle-a.ts": 'import { b } from "./cycle-b";\nexport const a = () => b;\n',
      "analytics/cycle-b.ts": 'import { a } from "./cycle-a";\nexport const b = () => a;\n',
      "orchestration/uses-script.ts": 'import { start } from "../scripts/start";\nexport const x = start;\n',
      "app/feature/missing.server.ts": 'import { gone } from "./not-there";\nexport const x = gone;\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      writeFileSync(path.join(project, file), text);
    }
    // The real packages, so that npm imports (zod allowed in domain/, kysely not) resolve as they do in the app.
    symlinkSync(realpathSync(path.join(root, "node_modules")), path.join(project, "node_modules"), "dir");

    it("reports exactly the wrong-way imports, each under its rule", () => {
      const result = cruise(project, ["app", "server", "cli", "orchestration", "exports", "analytics", "db", "domain", "scripts"]);
      // A package is named by its folder: where node_modules lies (a link in a worktree) is not the point.
      const target = (to: string) => to.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, "$1");
      const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${target(v.to)}`).sort();
      expect(found).toEqual(
        [
          "db-imports-only-db-and-domain: db/reaches-up.ts → app/feature/service.server.ts",
          "analytics-imports-only-db-and-domain: analytics/writes.ts → exports/writer.ts",
          "exports-import-no-db-or-callers: exports/queries.ts → db/rows.ts",
          "orchestration-imports-no-callers: orchestration/calls-app.ts → app/feature/service.server.ts",
          "orchestration-imports-no-callers: orchestration/uses-script.ts → scripts/start.ts",
          "nothing-imports-scripts: orchestration/uses-script.ts → scripts/start.ts",
          "app-imports-no-host: app/feature/uses-host.server.ts → server/host.ts",
          "app-imports-page-cache-types-only: app/feature/runs-page-cache.server.ts → server/page-cache/page-cache.ts",
          "routes-import-services-not-data: app/routes/queries.tsx → db/rows.ts",
          "browser-modules-import-no-server-modules: app/feature/browser-widget.tsx → app/feature/service.server.ts",
          "cli-imports-no-web: cli/uses-app.ts → app/feature/service.server.ts",
          "host-imports-no-cli: server/uses-cli.ts → cli/command.ts",
          "domain-imports-only-domain: domain/reaches-up.ts → analytics/measure.ts",
          "domain-imports-db-row-types-only: domain/takes-table-value.ts → db/schema/report.table.ts",
          "domain-is-browser-safe: domain/uses-node.ts → fs",
          "domain-is-browser-safe: domain/uses-kysely.ts → kysely",
          // One report per cycle; the cycle closed by a type import (types-a ↔ types-b) is allowed.
          "no-circular: analytics/cycle-a.ts → analytics/cycle-b.ts",
          "no-unresolvable: app/feature/missing.server.ts → ./not-there",
        ].sort(),
      );
    });
  });
});
