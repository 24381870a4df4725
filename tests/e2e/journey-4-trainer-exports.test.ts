import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/synthetic/demo-accounts";
import { describeInBrowser, DESKTOP, PHONE } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { remixSettled, startJourney } from "./support/journey";
import { waitForRelease } from "./support/release";
import { signIn } from "./support/sign-in";

// Exports in a real browser: a trainer downloads a dashboard table and a chart, builds a training
// briefing and downloads its PDF, and downloads the library's results; a commander on a phone creates an
// API token, uses it, and revokes it. Every page state passes axe.

async function downloaded(page: Page, click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file!) };
}

describeInBrowser("journey 4: trainer exports and API tokens", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  it("a trainer downloads tables, a chart, the library's results and a training briefing", async () => {
    const trainer = await startJourney(browser, {
      name: "journey-4-trainer",
      viewport: DESKTOP,
      acceptDownloads: true,
    });
    const { page } = trainer;
    await signIn(page, server.url, "trainer@metro.demo.closecall.test", trainer.audit, "/agency");
    await waitForRelease(page, `${server.url}/agency`, server.output);
    await trainer.audit("agency dashboard with download links");
    // Quarterly totals: a panel every agency's page has, whatever its book withholds (this server's data is small).
    const profile = page.locator("[data-panel=quarterly]");
    const csv = await downloaded(page, () => profile.getByRole("link", { name: /table as CSV/ }).click());
    // The choices travel in the file name: the book's period, e.g. closecall-agency-profile-2025.csv.
    expect(csv.name).toMatch(/^closecall-agency-quarterly-\d{4}(-Q[1-4])?(-[a-z_-]+)?\.csv$/);
    expect(csv.bytes.toString("utf8")).toMatch(/^\ufeff# Close Call export\. The table starts on line \d+/);
    const png = await downloaded(page, () => profile.getByRole("link", { name: /chart as PNG/ }).click());
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");

    await page.getByRole("link", { name: "Make a training briefing (PDF)" }).click();
    await page.getByRole("heading", { name: "Training briefing" }).waitFor();
    await trainer.audit("briefing builder");
    const boxes = page.locator('input[name="report"]');
    await expect.poll(() => boxes.count()).toBeGreaterThan(1);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const pdf = await downloaded(page, () =>
      page.getByRole("button", { name: "Download the briefing (PDF)" }).last().click(),
    );
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    await page.goto(`${server.url}/reports?type=traffic_stop`);
    await trainer.audit("library with download links");
    const xlsx = await downloaded(page, () => page.getByRole("link", { name: /: XLSX$/ }).click());
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
    await trainer.screenshot("final");
    await trainer.finish();
  }, 400_000);

  it("a commander on a phone creates an API token, sees it once, uses it and revokes it", async () => {
    const commander = await startJourney(browser, {
      name: "journey-4-commander",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const { page } = commander;
    await signIn(page, server.url, "commander@metro.demo.closecall.test", commander.audit, "/agency/api-tokens");
    await commander.audit("API tokens");
    await page.getByLabel("What will use it").fill("Roll-call slides");
    await page.getByLabel("Your password, or the current code from your authenticator app").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Create token" }).click();
    const shownSecret = async () => (await page.locator(".one-time-secret code").innerText()).trim();
    await expect.poll(shownSecret).toMatch(/^ccapi_/);
    const secret = await shownSecret();
    await remixSettled(page);
    await commander.audit("API tokens: created");
    const call = () => fetch(`${server.url}/api/v1/profile`, { headers: { Authorization: `Bearer ${secret}` } });
    expect((await call()).status).toBe(200);
    await page.getByRole("button", { name: "Revoke token Roll-call slides" }).click();
    await page.getByText("The token was revoked").waitFor();
    await remixSettled(page);
    await commander.audit("API tokens: revoked");
    const refused = await call();
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("token_revoked");
    await commander.screenshot("final");
    await commander.finish();
  });
});
