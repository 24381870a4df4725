import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, PHONE } from "../support/browser";
import { VALID_INPUT } from "../support/intake";
import type { AppServer } from "./support/app-server";
import { remixSettled, startJourney } from "./support/journey";
import { fillReportForm, reviewAndSend } from "./support/report-form";
import { withServerAndBrowser } from "./support/server-and-browser";
import { signIn } from "./support/sign-in";

// Reviewers: the queue has triage columns and titles, the findings sit beside the officer's
// words on a wide screen, and "Mark as duplicate" offers the likely original instead of asking for an id.
const WIDE = { width: 1440, height: 900 } as const;
const FIRST = {
  ...VALID_INPUT,
  title: "Knife missed on a night stop, first copy",
  narrative:
    "Night stop on Maple Avenue with Officer Dan Kowalski, plate 4KJD921. During the pat-down I found one knife " +
    "and stopped searching. A second knife was found at the jail.",
};
const SECOND = { ...FIRST, title: "Knife missed on a night stop, sent again" };

describeInBrowser("reviewer workspace (issue 16)", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  const box = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);

  it("triages in the queue, decides findings beside the text, merges a duplicate into its original", async () => {
    const officer = await startJourney(browser, {
      name: "reviewer-ws-officer",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    for (const report of [FIRST, SECOND]) {
      await officer.page.goto(`${server.url}/report`);
      await fillReportForm(officer.page, report, officer.audit);
      await reviewAndSend(officer.page, officer.audit);
    }
    await officer.finish();

    const reviewer = await startJourney(browser, { name: "reviewer-ws", viewport: WIDE });
    const { page } = reviewer;
    await signIn(page, server.url, "reviewer1@demo.closecall.test", reviewer.audit, "/review");
    await reviewer.audit("queue");
    const row = page.locator("tr", { has: page.getByRole("link", { name: SECOND.title }) });
    await expect
      .poll(() => row.locator("td").allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Knife missed on a night stop, sent again\s*possible duplicate$/),
        expect.stringMatching(/^today\s+since \d{4}-\d{2}-\d{2}$/),
        "Traffic stop",
        "Serious injury",
        "New",
        "—",
        "—",
      ]);
    await expect.poll(() => page.locator(".queue-table").innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await reviewer.screenshot("queue-desktop");

    await row.getByRole("link", { name: SECOND.title }).click();
    await page.getByRole("heading", { name: "Officer's report" }).waitFor();
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Claim to work on it" }).click(),
    ]);
    await remixSettled(page);
    await reviewer.audit("workspace claimed");
    // Beside, not below: the findings start level with the officer's words, to their right.
    await expect
      .poll(async () => {
        const [raw, findings] = [await box(page, ".ws-raw"), await box(page, ".ws-findings")];
        return { raw, findings, beside: findings.left >= raw.right, level: Math.abs(findings.top - raw.top) < 40 };
      })
      .toMatchObject({ beside: true, level: true });
    await reviewer.screenshot("workspace-desktop", { fullPage: false });

    const duplicate = page.locator(".duplicate-form");
    const choice = duplicate.getByRole("radio", { name: new RegExp(FIRST.title) });
    await expect.poll(() => choice.isChecked()).toBe(true);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      duplicate.getByRole("button", { name: "Mark as duplicate" }).click(),
    ]);
    await remixSettled(page);
    await page.getByText("Merged into").waitFor();
    await reviewer.audit("workspace merged");

    // On a phone the same workspace stacks: the officer's words, then the findings.
    await page.setViewportSize(PHONE);
    await page.goto(page.url());
    await page.getByRole("heading", { name: "Officer's report" }).waitFor();
    await reviewer.audit("workspace on a phone");
    await reviewer.screenshot("workspace-phone");
    await reviewer.finish();
  });
});
