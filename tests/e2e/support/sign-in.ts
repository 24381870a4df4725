import type { Page } from "playwright-core";
import { currentTotp } from "../../../db/accounts/mfa";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../../db/synthetic/demo-accounts";

/**
 * Signs a demo account in through both factors, as a person would, and audits both sign-in pages.
 * A TOTP code signs an account in once per 30-second step (replay protection): a journey signs each
 * account in once, and journeys run on servers of their own, so they never share a step.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  audit: (label: string) => Promise<unknown>,
  redirectTo = "/account",
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?${new URLSearchParams({ redirectTo })}`);
  await audit("sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL(/\/sign-in\/mfa/), page.getByRole("button", { name: "Continue" }).click()]);
  await audit("sign-in: second factor");
  await page.getByLabel("6-digit code").fill(await currentTotp(DEMO_TOTP_SECRET));
  await Promise.all([
    page.waitForURL((url) => url.pathname === redirectTo),
    page.getByRole("button", { name: "Verify and sign in" }).click(),
  ]);
}
