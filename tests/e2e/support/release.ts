import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The server releases the agencies' books in the background at start (a minute or two for the seeded
 * data), period by period: until it has finished, the agency page says the first release is being
 * prepared or shows a book that is still growing. Waits for the release's closing line in the server's
 * output, then for the page to show the book.
 */
export async function waitForRelease(page: Page, url: string, serverOutput: () => string): Promise<void> {
  await expect
    .poll(() => /Release book: .*released up to/.test(serverOutput()), { timeout: 300_000, interval: 2_000 })
    .toBe(true);
  await expect
    .poll(
      async () => {
        await page.goto(url, { waitUntil: "domcontentloaded" });
        return page.locator(".agency-book, .briefing").count();
      },
      { timeout: 60_000, interval: 2_000 },
    )
    .toBeGreaterThan(0);
  await page.waitForLoadState("networkidle");
}
