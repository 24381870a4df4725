// Builds the Remix app when build/index.js is missing or older than any source it bundles.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "db", "analytics", "remix.config.js", "package-lock.json", "tsconfig.json"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function buildIsStale() {
  const output = path.join(root, "build", "index.js");
  if (!existsSync(output) || !existsSync(path.join(root, "public", "build"))) return true;
  const built = statSync(output).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

export function buildIfStale({ quiet = false } = {}) {
  if (!buildIsStale()) return false;
  if (!quiet) console.log("Building Close Call (first start or sources changed)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"], {
    cwd: root,
    stdio: quiet ? "pipe" : "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(result.stderr ?? "");
    throw new Error(`remix build failed with exit code ${result.status}`);
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
