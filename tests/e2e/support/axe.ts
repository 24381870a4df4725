import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";

// axe-core from node_modules, never from a CDN. page.evaluate runs it through the DevTools protocol,
// which the page's CSP does not govern, so the tests need no bypassCSP and see the real headers.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Impacts that fail a journey; moderate and minor ones are recorded in the report file only. */
export const FAILING_IMPACTS = new Set(["serious", "critical"]);

export interface PageAudit {
  label: string;
  url: string;
  violations: { id: string; impact: string | null | undefined; help: string; nodes: string[] }[];
}

function summarise(result: Result): PageAudit["violations"][number] {
  return {
    id: result.id,
    impact: result.impact,
    help: result.help,
    nodes: result.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  };
}

/** Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is now. */
export async function runAxe(page: Page, label: string): Promise<PageAudit> {
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!injected) await page.evaluate(`${axeSource}\n;undefined`);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe.run(
      document,
      {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        resultTypes: ["violations"],
      },
    ),
  )) as AxeResults;
  return { label, url: page.url(), violations: results.violations.map(summarise) };
}

export function failingViolations(audit: PageAudit): PageAudit["violations"] {
  return audit.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ""));
}

export function describeViolations(audit: PageAudit): string {
  return failingViolations(audit)
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      at ${n}`).join("\n")}`)
    .join("\n");
}
