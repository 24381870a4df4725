import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, PHONE } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { remixSettled, startJourney } from "./support/journey";
import { withServerAndBrowser } from "./support/server-and-browser";
import { waitForRelease } from "./support/release";
import { signIn } from "./support/sign-in";

// Trainers: the briefing builder's counter follows the ticks, the browser stops at eight, a
// refusal is in view, "Preparing the PDF…" shows while the file is made, every report can be reached by
// searching and paging, and a report page adds itself to the briefing.
const WIDE = { width: 1440, height: 900 } as const;

describeInBrowser("the training briefing builder (issue 16)", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  const boxes = (page: Page) => page.locator('input[name="report"]');
  const legend = (page: Page) => page.locator(".briefing-reports legend").innerText();
  const inView = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });

  it("counts live, stops at eight, says why, shows PDF progress, pages, searches, adds from a report", async () => {
    const trainer = await startJourney(browser, { name: "briefing-builder", viewport: WIDE, acceptDownloads: true });
    const { page } = trainer;
    await signIn(page, server.url, "trainer@metro.demo.closecall.test", trainer.audit, "/agency/briefing");
    // The builder reads the agency's release book, released in the background when the server starts.
    await waitForRelease(page, `${server.url}/agency/briefing`, server.output);
    await page.getByRole("heading", { name: "Training briefing" }).waitFor();
    await remixSettled(page);
    await trainer.audit("builder");

    // Live counter and the cap in the browser.
    await expect.poll(() => boxes(page).count()).toBeGreaterThan(9);
    for (let i = 0; i < 2; i++) await boxes(page).nth(i).check();
    await expect.poll(() => legend(page)).toBe("Reports to discuss (2 of at most 8 chosen)");
    for (let i = 2; i < 8; i++) await boxes(page).nth(i).check();
    await expect.poll(() => legend(page)).toBe("Reports to discuss (8 of at most 8 chosen)");
    await expect.poll(() => page.locator('input[name="report"]:not(:checked):not(:disabled)').count()).toBe(0);
    await page.getByText("8 chosen, the most a briefing holds").waitFor();
    await trainer.audit("builder at the cap");
    await boxes(page).nth(7).uncheck();
    await expect
      .poll(() => page.locator('input[name="report"]:not(:checked):not(:disabled)').count())
      .toBeGreaterThan(0);
    await expect.poll(() => legend(page)).toBe("Reports to discuss (7 of at most 8 chosen)");
    await trainer.screenshot("desktop", { fullPage: false });

    // "Preparing the PDF…" while the file is made (the response is held back a second so the test sees it).
    await page.route("**/agency/briefing.pdf?*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the briefing (PDF)" }).last().click();
    await page.getByRole("button", { name: "Preparing the PDF…" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Preparing the PDF" }).waitFor();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^closecall-briefing-.*\.pdf$/);
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /^Downloaded closecall-briefing-.*\.pdf\.$/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => page.url()).toMatch(/\/agency\/briefing$/); // the page stayed where it was
    await page.unroute("**/agency/briefing.pdf?*");
    await trainer.audit("builder after the download");

    // Too many reports in the address (an old link): the reason is on screen and has the focus.
    const many = await boxes(page).evaluateAll((inputs) =>
      inputs.slice(0, 10).map((i) => (i as HTMLInputElement).value),
    );
    await page.goto(`${server.url}/agency/briefing?${many.map((n) => `report=${n}`).join("&")}`);
    await page.getByRole("alert").filter({ hasText: "Choose at most 8 reports" }).waitFor();
    await expect.poll(() => inView(page, "#briefing-too-many")).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("briefing-too-many");
    await expect.poll(() => page.getByRole("alert").innerText()).toMatch(/10 are chosen: untick 2 reports/);
    await trainer.audit("builder with too many");
    await trainer.screenshot("too-many", { fullPage: false });

    // Searching and paging: a choice survives both.
    await page.goto(`${server.url}/agency/briefing`);
    await boxes(page).first().check();
    const kept = await boxes(page).first().inputValue();
    await page.getByRole("button", { name: "Next 20" }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => legend(page)).toBe("Reports to discuss (1 of at most 8 chosen)");
    await expect.poll(() => page.locator(`input[name="report"][value="${kept}"]`).isChecked()).toBe(true);
    await expect.poll(() => page.locator(".briefing-pages").innerText()).toMatch(/Page 2 of \d+/);
    await trainer.audit("builder, page 2");
    await page.getByLabel("Words in the reports").fill("knives");
    await page.getByRole("button", { name: "Show matching reports" }).click();
    await page.waitForURL(/q=knives/);
    await expect.poll(() => page.locator("#briefing-reports-hint").innerText()).toMatch(/best matches first/);
    await expect.poll(() => legend(page)).toBe("Reports to discuss (1 of at most 8 chosen)");

    // "Add to briefing" from a report page, back to the same builder with one more report — also keeping
    // a tick made on this page just before (not yet in the address).
    const ticked = page
      .locator(".briefing-candidates li", { has: page.locator('input[name="report"]:not(:checked)') })
      .first();
    const justTicked = await ticked.locator('input[name="report"]').inputValue();
    await ticked.locator('input[name="report"]').check();
    const other = page
      .locator(".briefing-candidates li", { has: page.locator('input[name="report"]:not(:checked)') })
      .first();
    const number = await other.locator('input[name="report"]').inputValue();
    await other.getByRole("link", { name: /^Read/ }).click();
    await page.waitForURL(new RegExp(`/reports/${number}`));
    await trainer.audit("report page with Add to briefing");
    await page.getByRole("link", { name: "Add to briefing" }).click();
    await page.waitForURL(/\/agency\/briefing\?/);
    await expect.poll(() => legend(page)).toBe("Reports to discuss (3 of at most 8 chosen)");
    for (const n of [kept, justTicked, number])
      await expect.poll(() => page.locator(`input[name="report"][value="${n}"]`).isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel("Words in the reports").inputValue()).toBe("knives");
    await trainer.audit("builder after Add to briefing");

    await page.setViewportSize(PHONE);
    await trainer.screenshot("phone");
    await trainer.finish();
  }, 400_000);
});
