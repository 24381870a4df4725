// `npm start` and the test run rebuild the app when any file it bundles changed (files outside app/
// that routes bundle were once ignored, so editing them served the old code).
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIsStale, bundledInputs } from "../scripts/build-if-stale.mjs";

const root = path.resolve(import.meta.dirname, "..");
const fake = mkdtempSync(path.join(tmpdir(), "closecall-stale-"));
afterAll(() => rmSync(fake, { recursive: true, force: true }));

const past = new Date("2020-01-01T00:00:00Z");
const built = new Date("2021-01-01T00:00:00Z");
const later = new Date("2022-01-01T00:00:00Z");

function write(relative: string, text = "", when = past) {
  const file = path.join(fake, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, when, when);
  utimesSync(path.dirname(file), when, when);
}

/** A project whose build read app/, orchestration/ and one file in a folder of its own, built after all of them. */
function freshProject() {
  rmSync(fake, { recursive: true, force: true });
  for (const file of [
    "app/root.tsx",
    "orchestration/derived-data.ts",
    "db/open.ts",
    "lib/outside.ts",
    "package-lock.json",
  ])
    write(file);
  const inputs = [
    "app/root.tsx",
    "orchestration/derived-data.ts",
    "lib/outside.ts",
    "empty-module:./auth/x.server",
    "<stdin>",
  ];
  write(
    "build/metafile.server.json",
    JSON.stringify({ inputs: Object.fromEntries(inputs.map((i) => [i, {}])) }),
    built,
  );
  write("build/index.js", "", built);
  mkdirSync(path.join(fake, "public", "build"), { recursive: true });
  for (const dir of ["app", "orchestration", "db", "lib", "."]) utimesSync(path.join(fake, dir), past, past);
}

describe("build-if-stale", () => {
  it("leaves a build alone when nothing it reads changed", () => {
    freshProject();
    expect(buildIsStale(fake)).toBe(false);
  });

  it.each([
    ["an orchestration file the routes bundle", "orchestration/derived-data.ts"],
    ["a file named only by the build's metafile", "lib/outside.ts"],
    ["an app file", "app/root.tsx"],
    ["a new route file", "app/routes/new-page.tsx"],
  ])("rebuilds after a change to %s", (_what, file) => {
    freshProject();
    write(file, "changed", later);
    expect(buildIsStale(fake)).toBe(true);
  });

  it("rebuilds after a source file is deleted", () => {
    freshProject();
    rmSync(path.join(fake, "db", "open.ts"));
    utimesSync(path.join(fake, "db"), later, later);
    expect(buildIsStale(fake)).toBe(true);
  });

  it("reads every input of the real build, orchestration/ files included", () => {
    const inputs = bundledInputs(root);
    expect(inputs).toEqual(
      expect.arrayContaining([
        "orchestration/derived-data.ts",
        "orchestration/publication.ts",
        "app/root.tsx",
        "db/accounts/sessions.ts",
      ]),
    );
    expect(inputs.filter((i) => i.includes(":") || i.startsWith("<"))).toEqual([]);
  });

  it("sees an edit of a bundled orchestration file in this project", () => {
    // Touches the file's time only (restored after): what an editor's save does to the build's view.
    const file = path.join(root, "orchestration", "publication.ts");
    const { atime, mtime } = statSync(file);
    try {
      const now = new Date();
      utimesSync(file, now, now);
      expect(buildIsStale()).toBe(true);
    } finally {
      utimesSync(file, atime, mtime);
    }
  });
});
