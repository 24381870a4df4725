import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Strings that only server-only code contains; none may reach the browser bundle (docs/design.md §3). */
export const SERVER_ONLY_MARKERS = [
  "@duckdb/node-api",
  "@duckdb/node-bindings",
  "DuckDBInstance",
  "DuckDBDialect",
  "PostgresQueryCompiler",
  "kysely",
  "@node-rs/argon2",
  "INTAKE_KEY",
  "closecall.duckdb",
  "node:fs",
  "node:crypto",
  "enable_external_access",
];

export function listFiles(dir: string, extension: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every (file, marker) pair where a server-only marker appears. */
export function findServerOnlyCode(files: readonly string[]): { file: string; marker: string }[] {
  const hits: { file: string; marker: string }[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const marker of SERVER_ONLY_MARKERS) if (text.includes(marker)) hits.push({ file, marker });
  }
  return hits;
}
