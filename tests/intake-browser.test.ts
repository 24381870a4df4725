import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, launchBrowser } from "./support/browser";
import { VALID_INPUT } from "./support/intake";
import { startServer, type RunningServer } from "./support/run-server";

// The form in a real browser (Debian chromium): the stepped journey with JavaScript, the device draft
// (written only after opting in, deleted after sending), and the plain-post path without JavaScript.
let server: RunningServer;
let browser: Browser;
let dataDir: string;

describeInBrowser("report form in a browser", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "closecall-browser-"));
    server = await startServer({ DATA_DIR: dataDir, NODE_ENV: "production" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("with JavaScript: steps, a device draft only after opting in, the receipt, and the draft gone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const storage = () => page.evaluate(() => Object.keys(localStorage));
    await page.goto(`${server.url}/report`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Next: What contributed" }).click();
    await expect.poll(() => page.locator("#title-error").textContent()).toMatch(/short title/);

    await page.fill("#title", VALID_INPUT.title);
    await page.fill("#narrative", VALID_INPUT.narrative);
    expect(await storage()).toEqual([]);
    await page.getByLabel("Keep a draft on this device").check();
    await expect.poll(storage).toEqual(["closecall-report-draft"]);
    await page.getByRole("button", { name: "Next: What contributed" }).click();
    await page.locator("summary", { hasText: "Subject / threat" }).click(); // the family opens, then the factor
    await page.getByLabel("A weapon was hidden or missed in a search").check();
    await page.getByRole("button", { name: "Next: Lessons learned" }).click();
    await page.fill("#lessons", VALID_INPUT.lessons);
    await page.getByRole("button", { name: "Next: When and where" }).click();
    await page.selectOption("#incidentType", VALID_INPUT.incidentType);
    await page.selectOption("#eventMonth", VALID_INPUT.eventMonth);
    await page.selectOption("#eventYear", VALID_INPUT.eventYear);
    await page.selectOption("#state", VALID_INPUT.state);
    await page.getByRole("button", { name: "Next: How bad it could have been" }).click();
    await page.getByLabel("Serious injury").check();
    await page.getByRole("button", { name: "Next: Agency sharing" }).click();
    await page.getByRole("button", { name: "Review my report" }).click();
    await page.getByText("Security check done").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByText("Your receipt code").waitFor();
    await expect.poll(() => page.locator(".receipt-code span").allTextContents()).toHaveLength(6);
    await expect.poll(storage).toEqual([]); // deleted automatically after sending
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it("without JavaScript: one long form posted as is, errors beside fields, text kept, then the review", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/report`);
    await page.fill("#title", VALID_INPUT.title);
    await page.fill("#narrative", "Too short to be a report.");
    await page.getByRole("button", { name: "Review my report" }).click();
    await expect.poll(() => page.locator("#narrative-error").textContent()).toMatch(/at least 50/);
    expect(await page.inputValue("#narrative")).toBe("Too short to be a report.");
    await page.fill("#narrative", VALID_INPUT.narrative);
    await page.fill("#lessons", VALID_INPUT.lessons);
    await page.selectOption("#incidentType", VALID_INPUT.incidentType);
    await page.selectOption("#eventMonth", VALID_INPUT.eventMonth);
    await page.selectOption("#eventYear", VALID_INPUT.eventYear);
    await page.selectOption("#state", VALID_INPUT.state);
    await page.getByLabel("Serious injury").check();
    await page.getByRole("button", { name: "Review my report" }).click();
    await page.getByText("Check your report before sending").waitFor();
    expect(await page.locator('input[name="challenge"]').getAttribute("value")).toMatch(/^[A-Za-z0-9_-]{100,}$/);
    await context.close();
  });
});
