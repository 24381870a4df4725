import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The server releases the agencies' books in the background at start (a minute or two for the seeded
 * data): until then the agency page says the first release is being prepared. Reloads until it is out.
 */
export async function waitForRelease(page: Page, url: string): Promise<void> {
  await expect.poll(async () => {
    await page.goto(url, { waitUntil: "domcontentloaded" });
    return page.locator(".agency-book, .briefing").count();
  }, { timeout: 240_000, interval: 3_000 }).toBeGreaterThan(0);
  await page.waitForLoadState("networkidle");
}
