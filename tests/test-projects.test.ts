// The suite's split (vitest.config.ts, docs/testing.md#unit-e2e-and-the-bench-smoke-run): every test file in
// the repository is in exactly one vitest project, as vitest itself resolves them; a file that starts the real
// server as a process or a browser is in e2e and no other file is; `npm test` runs unit and e2e, and the bench
// smoke run is its own script.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Every test file git knows or would add, whatever the vitest config includes. */
function testFilesInRepository(): string[] {
  const listed = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "*.test.ts", "*.test.tsx"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  return listed
    .split("\0")
    .filter((file) => file && existsSync(path.join(root, file)))
    .sort();
}

/** The project(s) vitest puts each file in (`vitest list --filesOnly --json`). */
function projectsByFile(): Map<string, string[]> {
  const json = execFileSync(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "list", "--filesOnly", "--json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  const byFile = new Map<string, string[]>();
  for (const { file, projectName } of JSON.parse(json) as Array<{ file: string; projectName: string }>) {
    const relative = path.relative(root, file);
    byFile.set(relative, [...(byFile.get(relative) ?? []), projectName]);
  }
  return byFile;
}

// What starts a server process or a browser: the helpers that do it. A type-only import starts nothing.
const STARTS_SERVER_OR_BROWSER =
  /(^|\/)(support\/run-server|support\/app-server|support\/server-and-browser|support\/browser)$/;

/** Module paths a file imports for their values (`import type …` skipped). */
function valueImports(source: string): string[] {
  const imports = source.matchAll(/^import\s+(?!type\s)[^;]*?\sfrom\s+"([^"]+)"/gms);
  return [...imports].map((match) => match[1]!);
}

describe("the test projects", () => {
  const files = testFilesInRepository();
  const projects = projectsByFile();

  it("finds the test files", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("puts every test file in exactly one project", () => {
    const misplaced = files
      .map((file) => ({ file, in: projects.get(file) ?? [] }))
      .filter((entry) => entry.in.length !== 1);
    expect(misplaced).toEqual([]);
    expect(new Set([...projects.values()].flat())).toEqual(new Set(["unit", "e2e", "bench"]));
  });

  it("puts a file in e2e exactly when it starts the real server or a browser", () => {
    const wrong = files.flatMap((file) => {
      const starts = valueImports(readFileSync(path.join(root, file), "utf8")).some((from) =>
        STARTS_SERVER_OR_BROWSER.test(from),
      );
      const project = projects.get(file)?.[0];
      if (project === "bench") return [];
      return starts === (project === "e2e")
        ? []
        : [`${file}: in ${project}, ${starts ? "starts" : "starts no"} server or browser`];
    });
    expect(wrong).toEqual([]);
  });

  it("runs unit and e2e in npm test and the bench smoke run on its own", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(scripts["test"]).toBe("vitest run --project unit --project e2e");
    expect(scripts["test:unit"]).toBe("vitest run --project unit");
    expect(scripts["test:e2e"]).toBe("vitest run --project e2e");
    expect(scripts["bench:smoke"]).toBe("vitest run --project bench");
    expect(readFileSync(path.join(root, ".ci/run"), "utf8")).toMatch(/^npm test -- .*\n(.*\n)*.*npm run bench:smoke/m);
  });
});

describe("valueImports", () => {
  it("skips type-only imports and reads imports over several lines", () => {
    const source = [
      'import type { AppServer } from "./support/app-server";',
      "import {",
      "  startServer,",
      '} from "../support/run-server";',
      'import { x } from "./other";',
    ].join("\n");
    expect(valueImports(source)).toEqual(["../support/run-server", "./other"]);
  });
});
