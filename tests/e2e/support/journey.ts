import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { expect, onTestFailed } from "vitest";
import { describeViolations, failingViolations, type PageAudit, runAxe } from "./axe";

/** Screenshots and axe reports of the journeys (test-output/ is git-ignored). */
export const OUTPUT_DIR = path.resolve(import.meta.dirname, "../../../test-output/e2e");

export interface JourneyOptions extends BrowserContextOptions {
  /** File-name stem for the screenshots and the axe report, e.g. "journey-1-officer". */
  name: string;
  /** Browser console errors that are expected here (e.g. a request refused while offline). */
  allowConsoleErrors?: RegExp[];
}

/**
 * One person's browser in a journey: its own context (cookies, storage), a page, and the checks every
 * journey makes. `audit()` runs axe on the page as it is; `finish()` fails if a page was visited
 * without an audit, or if the page threw or logged an unexpected error.
 */
export interface Journey {
  context: BrowserContext;
  page: Page;
  audit(label: string): Promise<PageAudit>;
  screenshot(stem: string, options?: { fullPage?: boolean }): Promise<string>;
  finish(): Promise<void>;
}

export async function startJourney(
  browser: Browser,
  { name, allowConsoleErrors = [], ...options }: JourneyOptions,
): Promise<Journey> {
  const context = await browser.newContext(options);
  // Playwright's 30 s for an action or a navigation ran out once for a sign-in (a 21 s MFA post, then the
  // agency page) on the shared two-core machine while the server released its books: 60 s, still well
  // inside each test's own timeout.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const visited = new Set<string>();
  const audited = new Set<string>();
  const audits: PageAudit[] = [];
  const errors: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith("http")) visited.add(new URL(frame.url()).pathname);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (!allowConsoleErrors.some((pattern) => pattern.test(text))) errors.push(`console error: ${text}`);
  });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  // On a failure, the page as it was, for whoever reads the CI log next.
  onTestFailed(async () => {
    if (errors.length) process.stderr.write(`Browser errors in ${name}:\n${errors.join("\n")}\n`);
    if (!page.isClosed())
      await page
        .screenshot({ path: path.join(OUTPUT_DIR, `${name}-failure.png`), fullPage: true })
        .catch(() => undefined);
  });

  return {
    context,
    page,
    async audit(label) {
      // Audit the page at rest, as a person reads it: no load in flight, no fade half done.
      await remixSettled(page);
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
      const result = await runAxe(page, label);
      audits.push(result);
      audited.add(new URL(result.url).pathname);
      expect(failingViolations(result), `axe on ${label} (${result.url}):\n${describeViolations(result)}`).toEqual([]);
      return result;
    },
    async screenshot(stem, { fullPage = true } = {}) {
      const file = path.join(OUTPUT_DIR, `${name}-${stem}.png`);
      await page.screenshot({ path: file, fullPage });
      return file;
    },
    async finish() {
      writeFileSync(path.join(OUTPUT_DIR, `${name}-axe.json`), `${JSON.stringify(audits, null, 2)}\n`);
      await context.close();
      expect(
        [...visited].filter((p) => !audited.has(p)),
        "pages visited without an axe audit",
      ).toEqual([]);
      expect(errors, "errors in the browser").toEqual([]);
    },
  };
}

/** Waits until Remix has no navigation, submission or revalidation in flight (after a form post). */
export async function remixSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const router = (
      window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } }
    ).__remixRouter;
    return !router || (router.state.navigation.state === "idle" && router.state.revalidation === "idle");
  });
}
