// The JavaScript a page loads, measured from the client build: the entry, the root and the route
// modules with every chunk they import (followed through the files, transitively), each gzipped as the
// server sends it (compression's default level).
//   node scripts/page-js-size.mjs [routes/agency._index ...]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const publicDir = path.join(root, "public");

export function readManifest() {
  const dir = path.join(publicDir, "build");
  const file = readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error("No client build: run npm run build");
  const text = readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
}

function importsOf(url) {
  const text = readFileSync(path.join(publicDir, url), "utf8");
  const found = new Set();
  for (const m of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    found.add(m[1].startsWith("/") ? m[1] : path.posix.join(path.posix.dirname(url), m[1]));
  }
  return found;
}

/** Every JS file the route's page loads, with raw and gzip sizes in bytes. */
export function pageJavaScript(routeId, manifest = readManifest()) {
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`No route ${routeId} in the client manifest`);
  const start = [
    manifest.entry.module,
    ...manifest.entry.imports,
    manifest.routes.root.module,
    ...(manifest.routes.root.imports ?? []),
    route.module,
    ...(route.imports ?? []),
  ];
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const url = queue.pop();
    if (seen.has(url)) continue;
    seen.add(url);
    for (const next of importsOf(url)) if (!seen.has(next)) queue.push(next);
  }
  const files = [...seen].sort().map((url) => {
    const bytes = readFileSync(path.join(publicDir, url));
    return { url, raw: bytes.length, gzip: gzipSync(bytes).length };
  });
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const routes = process.argv.slice(2);
  for (const id of routes.length
    ? routes
    : ["routes/agency._index", "routes/national._index", "routes/national.summary", "routes/reports._index"]) {
    const { files, raw, gzip } = pageJavaScript(id);
    console.log(`${id}: ${files.length} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
  }
}
