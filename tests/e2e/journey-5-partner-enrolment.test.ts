import type { Browser } from "playwright-core";
import { expect, it } from "vitest";
import { currentTotp } from "../../db/accounts/mfa";
import { VALID_INPUT } from "../support/intake";
import { describeInBrowser, DESKTOP, PHONE } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { remixSettled, startJourney } from "./support/journey";
import { fillReportForm, reviewAndSend } from "./support/report-form";
import { signIn } from "./support/sign-in";

// Journey 5: an agency applies, an administrator approves it and receives the partner code and the
// commander's set-up link once; an officer of that agency uses the code on the report form (after a
// mistyped code is refused beside the field, with nothing lost); the applicant becomes the commander.
const COMMANDER_PASSWORD = "larkspur radio tower seventeen";
const AGENCY = "Larkspur Hollow Marshal's Office"; // not a name the synthetic dataset generates

describeInBrowser("journey 5: a new partner agency", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  it("applies, is approved by an administrator, and an officer's report counts toward it", async () => {
    const applicant = await startJourney(browser, { name: "journey-5-applicant", viewport: DESKTOP });
    await applicant.page.goto(`${server.url}/partners/apply`);
    await applicant.audit("partner application");
    await applicant.page.getByLabel("Agency name").fill(AGENCY);
    await applicant.page.getByLabel("State").selectOption("IA");
    await applicant.page.getByLabel("Sworn officers").selectOption({ index: 2 });
    await applicant.page.getByLabel("Your name").fill("Alex Morgan");
    await applicant.page.getByLabel("Your work email").fill("chief@cedarfalls.example");
    await applicant.page.getByRole("button", { name: "Send application" }).click();
    await applicant.page.getByRole("heading", { name: "Application received" }).waitFor();
    await applicant.audit("partner application: received");

    const admin = await startJourney(browser, { name: "journey-5-admin", viewport: DESKTOP });
    await signIn(admin.page, server.url, "admin@demo.closecall.test", admin.audit, "/admin/enrolments");
    await admin.audit("enrolments");
    const application = admin.page
      .getByRole("listitem")
      .filter({ has: admin.page.getByRole("heading", { name: AGENCY }) });
    await application.getByRole("button", { name: "Approve" }).click();
    await admin.page.getByText(`${AGENCY} is now a partner agency`).waitFor();
    await remixSettled(admin.page);
    await admin.audit("enrolments: approved");
    const oneTimeSecret = (label: string) =>
      admin.page.locator(".one-time-secret", { hasText: label }).locator("code").innerText();
    await expect
      .poll(() => oneTimeSecret("Partner code for the report form"))
      .toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect.poll(() => oneTimeSecret("Commander set-up link")).toMatch(/\/invitations\/accept\?token=/);
    const partnerCode = await oneTimeSecret("Partner code for the report form");
    const setUpLink = await oneTimeSecret("Commander set-up link");
    await admin.screenshot("final");
    await admin.finish();

    // The refused code comes back as a 400 with the field errors, which Chromium logs as a failed load.
    const officer = await startJourney(browser, {
      name: "journey-5-officer",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      allowConsoleErrors: [/status of 400/],
    });
    const { page } = officer;
    await page.goto(`${server.url}/report`);
    const mistyped = `${partnerCode.slice(0, -1)}${partnerCode.endsWith("X") ? "Y" : "X"}`;
    await fillReportForm(page, { ...VALID_INPUT, consentLevel: "agency_stats", partnerCode: mistyped }, officer.audit);
    await page.getByRole("button", { name: "Review my report" }).click();
    // The server refuses the unknown code: an alert summary, the error beside the field, the text kept.
    await page.getByRole("alert").filter({ hasText: "Some answers need a change" }).waitFor();
    await officer.audit("report form: unknown partner code");
    const field = page.getByLabel("Your agency's partner code");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.locator("#partnerCode-error").innerText()).toMatch(/code/i);
    await expect.poll(() => field.inputValue()).toBe(mistyped);
    await field.fill(partnerCode);
    const receipt = await reviewAndSend(page, officer.audit, (review) => expect(review).toContain(AGENCY));
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    await officer.screenshot("final");
    await officer.finish();

    // The applicant follows the one-time link: an account, two-step verification, the agency's members.
    const a = applicant.page;
    await a.goto(setUpLink);
    await applicant.audit("set up your account");
    await a.getByLabel("Your name").fill("Alex Morgan");
    await a.getByLabel("Password", { exact: true }).fill(COMMANDER_PASSWORD);
    await a.getByLabel("Password again").fill(COMMANDER_PASSWORD);
    await a.getByRole("button", { name: "Create my account" }).click();
    await a.waitForURL(/\/sign-in\?welcome/);
    await a.goto(`${server.url}/sign-in?redirectTo=${encodeURIComponent("/agency/members")}`);
    await applicant.audit("sign-in after set-up");
    await a.getByLabel("Email").fill("chief@cedarfalls.example");
    await a.getByLabel("Password").fill(COMMANDER_PASSWORD);
    await a.getByRole("button", { name: "Continue" }).click();
    await a.getByRole("heading", { name: "Set up two-step verification" }).waitFor();
    await applicant.audit("two-step set-up");
    const secret = (await a.getByLabel("Set-up key").innerText()).replace(/\s/g, "");
    await a.getByLabel("Enter the 6-digit code the app shows").fill(await currentTotp(secret));
    await a.getByRole("button", { name: "Turn on two-step verification" }).click();
    await a.getByRole("heading", { name: "Two-step verification is on" }).waitFor();
    await applicant.audit("recovery codes");
    await a.getByRole("link", { name: "I have saved my codes — continue" }).click();
    await a.waitForURL(`${server.url}/agency/members`);
    await a.getByText("Alex Morgan").first().waitFor();
    await applicant.audit("agency members");
    await applicant.screenshot("final");
    await applicant.finish();
  });
});
