import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { VALID_INPUT } from "../support/intake";
import { describeInBrowser, DESKTOP, PHONE } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { type Journey, remixSettled, startJourney } from "./support/journey";
import { fillReportForm, reviewAndSend } from "./support/report-form";
import { signIn } from "./support/sign-in";

// Journey 2: reviewer 1 de-identifies and codes an officer's report and asks a question; the officer
// answers with the receipt code; reviewer 2 approves; the publication batch runs; the report is in the
// library and the search finds it. Three browsers at once: the officer's phone and two reviewers.
const IDENTIFIERS = ["Maple Avenue", "4KJD921", "Dan Kowalski"];
const REPORT = {
  ...VALID_INPUT,
  title: "Second knife missed in a roadside pat-down",
  narrative:
    "Night stop on Maple Avenue: I stopped a grey sedan, plate 4KJD921, and Officer Dan Kowalski covered me. " +
    "During the pat-down I found one knife and stopped searching. A second knife was found in the waistband at " +
    "the jail.",
};
const QUESTION = "Was the second knife in a sheath, and was the driver cuffed during the search?";
const ANSWER = "No sheath, it was loose in the waistband. The driver was not cuffed until after the first knife.";

describeInBrowser("journey 2: from review to the library", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  const checkReceipt = async (officer: Journey, receipt: string, status: string) => {
    const { page } = officer;
    await page.goto(`${server.url}/receipt`);
    await officer.audit("receipt: code entry");
    await page.getByLabel("Receipt code").fill(receipt);
    await page.getByRole("button", { name: "Check status" }).click();
    await page.getByRole("heading", { name: status }).waitFor();
    await officer.audit(`receipt: ${status}`);
  };
  const clickAndWait = async (page: Page, name: string) => {
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name, exact: true }).click(),
    ]);
    await remixSettled(page);
  };

  it("de-identifies, codes, asks, gets the answer, approves, publishes, and search finds it", async () => {
    const officer = await startJourney(browser, {
      name: "journey-2-officer",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const first = await startJourney(browser, { name: "journey-2-reviewer1", viewport: DESKTOP });
    const second = await startJourney(browser, { name: "journey-2-reviewer2", viewport: DESKTOP });

    await officer.page.goto(`${server.url}/report`);
    await fillReportForm(officer.page, REPORT, officer.audit);
    const receipt = await reviewAndSend(officer.page, officer.audit);

    // Reviewer 1: the queue, the workspace, the detector's findings removed, coding, a question.
    const r1 = first.page;
    await signIn(r1, server.url, "reviewer1@demo.closecall.test", first.audit, "/review");
    await first.audit("review queue");
    await r1.getByRole("link", { name: REPORT.title }).click();
    await r1.getByRole("heading", { name: "Officer's report" }).waitFor();
    const workspace = r1.url();
    await first.audit("workspace: new");
    await clickAndWait(r1, "Claim to work on it");
    await first.audit("workspace: claimed");
    await clickAndWait(r1, `Remove all ${IDENTIFIERS.length} still to decide`);
    // The summary is re-rendered from the action's result: retried until it shows, never read once (a
    // single read right after the POST failed once in a full run).
    const summary = () => r1.getByLabel("Event summary").inputValue();
    await expect
      .poll(async () => {
        const text = await summary();
        return IDENTIFIERS.filter((identifier) => text.includes(identifier));
      })
      .toEqual([]);
    await expect.poll(summary).toMatch(/\[[a-z ]+\]/);
    const coding = r1.getByRole("region", { name: "Coding" });
    await coding.getByLabel("Complacency / routine-call assumption").check();
    await clickAndWait(r1, "Save coding");
    await first.audit("workspace: de-identified and coded");
    await r1.getByLabel("Question").fill(QUESTION);
    await clickAndWait(r1, "Send question");
    await r1.getByText("Waiting for the officer", { exact: true }).first().waitFor();
    await first.audit("workspace: question sent");

    // The officer answers with the receipt code.
    await checkReceipt(officer, receipt, "A reviewer has a question");
    await officer.page.getByText(QUESTION).waitFor();
    await officer.page.getByLabel("Your answer").fill(ANSWER);
    await clickAndWait(officer.page, "Send answer");
    await officer.page.getByText(ANSWER).waitFor();
    await officer.audit("receipt: answered");

    // Reviewer 1 reads the answer and completes stage 1.
    await r1.goto(workspace);
    await r1.getByText(ANSWER).waitFor();
    await clickAndWait(r1, "Claim to work on it");
    await clickAndWait(r1, "Complete stage 1");
    await r1.getByText("Awaiting approval (stage 2)", { exact: true }).first().waitFor();
    await first.audit("workspace: stage 1 complete");
    await first.screenshot("final");

    // Reviewer 2 approves and runs the publication batch.
    const r2 = second.page;
    await signIn(r2, server.url, "reviewer2@demo.closecall.test", second.audit, "/review");
    await r2.getByRole("link", { name: /Awaiting approval/ }).click();
    await r2.waitForURL(/state=stage2/);
    await second.audit("review queue: stage 2");
    await r2.getByRole("link", { name: REPORT.title }).click();
    await r2.getByRole("heading", { name: "Officer's report" }).waitFor();
    await clickAndWait(r2, "Claim for approval");
    await second.audit("workspace: stage 2");
    await clickAndWait(r2, "Approve for the next batch");
    await r2.getByText("Approved, next batch", { exact: true }).first().waitFor();
    await second.audit("workspace: approved");
    await r2.getByRole("link", { name: "← Review queue" }).click();
    await r2.getByRole("link", { name: /Publication batch \(1 approved\)/ }).click();
    await r2.getByRole("heading", { name: "Publication batch" }).waitFor();
    await second.audit("publication batch");
    await clickAndWait(r2, "Publish the batch now");
    const publishedNumber = async () => (await r2.getByRole("status").innerText()).match(/\d{4}-\d{5}/)?.[0];
    await expect.poll(publishedNumber).toMatch(/^\d{4}-\d{5}$/);
    const published = (await publishedNumber())!;
    await second.audit("publication batch: published");
    await second.screenshot("final");

    // The officer sees it published, reads it, and finds it with the library search.
    await checkReceipt(officer, receipt, "Published");
    await officer.page.getByRole("link", { name: `Read the published report ${published}` }).click();
    await officer.page.waitForURL(`${server.url}/reports/${published}`);
    await officer.page.getByRole("heading", { level: 1 }).waitFor();
    const article = await officer.page.getByRole("main").innerText();
    for (const identifier of IDENTIFIERS) expect(article).not.toContain(identifier);
    await officer.audit("published report");
    await officer.page.getByRole("link", { name: "Read reports" }).first().click();
    await officer.page.waitForURL(`${server.url}/reports`);
    await officer.audit("library");
    await officer.page.getByLabel("Search reports").fill("roadside knife pat-down");
    await officer.page.getByRole("button", { name: "Search" }).click();
    await officer.page.waitForURL(/\?q=/);
    await officer.page.getByRole("link", { name: REPORT.title }).first().waitFor();
    await officer.audit("library: search results");
    await officer.screenshot("final");

    await Promise.all([officer.finish(), first.finish(), second.finish()]);
  });
});
