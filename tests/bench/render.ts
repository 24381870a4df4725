// Writes the Markdown report again from a benchmark's JSON file (after the report's layout changed).
//   npx tsx tests/bench/render.ts bench-results/latest.json [more.json …]
import { readFileSync, writeFileSync } from "node:fs";
import { renderMarkdown } from "./report";
import type { BenchResult } from "./result";

for (const file of process.argv.slice(2)) {
  const result = JSON.parse(readFileSync(file, "utf8")) as BenchResult;
  const target = file.replace(/\.json$/, ".md");
  writeFileSync(target, renderMarkdown(result));
  console.log(`Wrote ${target}`);
}
