import type { Page } from "playwright-core";
import { expect } from "vitest";
import { consentLevels, factors, lossPotentials } from "../../../domain/taxonomy";
import type { ReportFormInput } from "../../../app/intake/report-form-schema";

const label = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((item) => item.code === code)!.label;
const next = (page: Page, title: string) => page.getByRole("button", { name: `Next: ${title}` }).click();

/**
 * Fills the stepped report form (JavaScript on) as an officer would: by labels, one step at a time,
 * auditing each step with axe. Ends on the last step, before "Review my report".
 */
export async function fillReportForm(
  page: Page,
  input: ReportFormInput,
  audit: (label: string) => Promise<unknown>,
): Promise<void> {
  await page.getByRole("heading", { name: "What happened" }).waitFor();
  await audit("report form: step 1");
  await page.getByLabel("A short title").fill(input.title);
  await page.getByLabel("What happened", { exact: true }).fill(input.narrative);
  await next(page, "What contributed");
  await audit("report form: step 2");
  for (const code of input.factors) {
    // Factors sit in collapsible families: open the family first, as an officer taps its summary.
    const family = page.locator(`details.factor-family:has(input[value="${code}"])`);
    if (!(await family.evaluate((d) => (d as HTMLDetailsElement).open))) await family.locator("summary").click();
    await page.getByLabel(factors.find((f) => f.code === code)!.plain).check();
  }
  await next(page, "Lessons learned");
  await page.getByLabel("What should other officers take from this?").fill(input.lessons);
  await next(page, "When and where");
  await audit("report form: step 4");
  await page.getByLabel("Kind of incident").selectOption(input.incidentType);
  await page.getByLabel("Month", { exact: true }).selectOption(input.eventMonth);
  await page.getByLabel("Year", { exact: true }).selectOption(input.eventYear);
  await page.getByLabel("State", { exact: true }).selectOption(input.state);
  if (input.timeBlock) await page.getByLabel("Time of day").selectOption(input.timeBlock);
  if (input.light) await page.getByLabel("Light").selectOption(input.light);
  await next(page, "How bad it could have been");
  await page.getByLabel(label(lossPotentials, input.lossPotential)).check();
  await next(page, "Agency sharing");
  await page.getByLabel(label(consentLevels, input.consentLevel)).check();
  if (input.partnerCode) await page.getByLabel("Your agency's partner code").fill(input.partnerCode);
  await audit("report form: step 6");
}

/**
 * From the last step: the server's review, the page's own proof of work, then "Send report". Returns the receipt code.
 */
export async function reviewAndSend(
  page: Page,
  audit: (label: string) => Promise<unknown>,
  checkReview?: (text: string) => void,
): Promise<string> {
  await page.getByRole("button", { name: "Review my report" }).click();
  return sendFromReview(page, audit, checkReview);
}

/** On the server's review step: waits for the proof of work, sends, and returns the receipt code. */
export async function sendFromReview(
  page: Page,
  audit: (label: string) => Promise<unknown>,
  checkReview?: (text: string) => void,
): Promise<string> {
  await page.getByRole("heading", { name: "Check your report before sending" }).waitFor();
  checkReview?.(await page.locator(".review").innerText());
  // The proof of work is solved by the page itself (ALTCHA, SHA-256): a second or two.
  await page.getByText("Security check done").waitFor({ timeout: 30_000 });
  await audit("report form: review and send");
  await page.getByRole("button", { name: "Send report" }).click();
  await page.getByRole("heading", { name: "Your receipt code" }).waitFor();
  await audit("report form: receipt");
  const groups = await page.locator(".receipt-code span").allTextContents();
  expect(groups).toHaveLength(6);
  return groups.join("-");
}
