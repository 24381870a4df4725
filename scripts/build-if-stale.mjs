// Builds the Remix app when build/index.js is missing or older than any source it bundles.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const defaultRoot = path.resolve(import.meta.dirname, "..");
/**
 * Folders and files the build is made from: app/ and every layer below it that routes bundle (e.g.
 * orchestration/derived-data.ts, imported by a route); the metafiles below catch any other file a later
 * import pulls in, and these folders catch new files (a new route) that no metafile names yet.
 */
const SOURCES = [
  "app",
  "domain",
  "db",
  "analytics",
  "exports",
  "orchestration",
  "remix.config.js",
  "package-lock.json",
  "tsconfig.json",
];
/** esbuild's record of every input of the last build (the server bundle and the browser bundle). */
const METAFILES = ["metafile.server.json", "metafile.js.json"];

/** The newest change under `target`: files, and folders too (a deleted or renamed file changes its folder). */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Files the last build read, relative to the project (virtual modules such as `empty-module:x` left out). */
export function bundledInputs(root = defaultRoot) {
  const inputs = new Set();
  for (const name of METAFILES) {
    const file = path.join(root, "build", name);
    if (!existsSync(file)) continue;
    for (const input of Object.keys(JSON.parse(readFileSync(file, "utf8")).inputs ?? {})) {
      if (!input.includes(":") && !input.startsWith("<")) inputs.add(input);
    }
  }
  return [...inputs];
}

export function buildIsStale(root = defaultRoot) {
  const output = path.join(root, "build", "index.js");
  if (!existsSync(output) || !existsSync(path.join(root, "public", "build"))) return true;
  const built = statSync(output).mtimeMs;
  return [...SOURCES, ...bundledInputs(root)].some((source) => newestMtime(path.join(root, source)) > built);
}

export function buildIfStale({ quiet = false } = {}) {
  if (!buildIsStale()) return false;
  if (!quiet) console.log("Building Close Call (first start or sources changed)…");
  const result = spawnSync(
    process.execPath,
    [path.join(defaultRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"],
    {
      cwd: defaultRoot,
      stdio: quiet ? "pipe" : "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (result.status !== 0) {
    if (quiet) process.stderr.write(result.stderr ?? "");
    throw new Error(`remix build failed with exit code ${result.status}`);
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
