import type { Browser } from "playwright-core";
import { expect, it } from "vitest";
import { VALID_INPUT } from "../support/intake";
import { describeInBrowser, PHONE } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { startJourney } from "./support/journey";
import { fillReportForm, reviewAndSend } from "./support/report-form";

// Journey 1: an officer on a phone shares a near miss, keeps the receipt code and checks the status.
// Nothing may be left behind in the browser: no cookie, no storage, no service worker (docs/design.md §6.2).
describeInBrowser("journey 1: an officer reports from a phone", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  it("submits on a 390×844 viewport, copies the receipt, checks the status, and leaves nothing behind", async () => {
    const officer = await startJourney(browser, {
      name: "journey-1-officer",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const { page, context } = officer;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });

    await page.goto(server.url);
    await officer.audit("home");
    await page.getByRole("main").getByRole("link", { name: "Share a near miss" }).click();
    await page.waitForURL(`${server.url}/report`);
    await fillReportForm(page, VALID_INPUT, officer.audit);
    const receipt = await reviewAndSend(page, officer.audit);
    expect(receipt).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);

    // Keeping the receipt: the copy button puts exactly the code on the clipboard.
    await page.getByRole("button", { name: "Copy code" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(receipt);

    // Checking the status later, with the code typed in as written down (spaces, lower case).
    await page.getByRole("link", { name: "Check status with a receipt code" }).click();
    await page.getByRole("heading", { name: "Check a report with your receipt" }).waitFor();
    await officer.audit("receipt: code entry");
    await page.getByLabel("Receipt code").fill(receipt.toLowerCase().replace(/-/g, " "));
    await page.getByRole("button", { name: "Check status" }).click();
    await page.getByRole("heading", { name: "Received" }).waitFor();
    await page.getByText("Your report is stored and waiting for a reviewer.").waitFor();
    await officer.audit("receipt: status");
    await officer.screenshot("final");

    // The intake invariants, seen from the browser: nothing stored on the device — also after the page
    // is left (a reload fires pagehide, when Remix's scroll restoration would write sessionStorage).
    await page.reload({ waitUntil: "networkidle" });
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }))).toEqual({
      local: 0,
      session: 0,
    });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    await officer.finish();
  });
});
