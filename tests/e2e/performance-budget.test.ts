import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, launchBrowser, PHONE } from "../support/browser";
import { KB, PAGE_BUDGETS } from "./performance-budgets";
import { type AppServer, startAppServer } from "./support/app-server";
import { OUTPUT_DIR, remixSettled } from "./support/journey";
import { signIn } from "./support/sign-in";
import { measureTransfer, type Transfer } from "./support/transfer";

// The JavaScript and CSS a first visit transfers, against the budgets in performance-budgets.ts.
// Figures go to the test output and test-output/e2e/performance-budget.json.
describeInBrowser("performance budget", () => {
  let server: AppServer;
  let browser: Browser;
  const measured: (Transfer & { name: string; budget: { js: number; css: number } })[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  });
  afterAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    if (measured.length)
      writeFileSync(path.join(OUTPUT_DIR, "performance-budget.json"), `${JSON.stringify(measured, null, 2)}\n`);
    await browser?.close();
    await server?.stop();
  });

  it.each(PAGE_BUDGETS)("$name ($path): JS and CSS within budget", async (budget) => {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      if (budget.account) await signIn(page, server.url, budget.account, async () => undefined, budget.path);
      // A fresh load of the page itself, with the HTTP cache bypassed: what a first visit costs.
      await context.route("**/*", (route) => route.continue());
      await page.goto(`${server.url}${budget.path}`, { waitUntil: "networkidle" });
      await remixSettled(page);
      const transfer = await measureTransfer(page);
      measured.push({ name: budget.name, ...transfer, budget: { js: budget.js, css: budget.css } });
      const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
      console.log(
        `${budget.name}: JS ${kb(transfer.js)} of ${kb(budget.js)} (${kb(transfer.jsDecoded)} uncompressed), ` +
          `CSS ${kb(transfer.css)} of ${kb(budget.css)}`,
      );
      expect(transfer.js, "some JavaScript was measured").toBeGreaterThan(10 * KB);
      expect(
        transfer.js,
        `${budget.name} JavaScript, largest files: ${JSON.stringify(transfer.files.slice(0, 5))}`,
      ).toBeLessThanOrEqual(budget.js);
      expect(transfer.css, `${budget.name} CSS`).toBeLessThanOrEqual(budget.css);
    } finally {
      await context.close();
    }
  });
});
