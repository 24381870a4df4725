// Signs a demo account in (password, then the demo TOTP secret) for the screenshot scripts.
import type { Page } from "playwright-core";
import { currentTotp } from "../db/accounts/mfa";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../db/synthetic/demo-accounts";

export async function signInDemo(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await Promise.all([page.waitForURL(/\/sign-in\/mfa/), page.click('main button[type="submit"]')]);
  await page.fill('input[name="code"]', await currentTotp(DEMO_TOTP_SECRET));
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/sign-in")),
    page.click('main button[type="submit"]'),
  ]);
}
