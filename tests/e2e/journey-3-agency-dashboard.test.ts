import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, DESKTOP } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { remixSettled, startJourney } from "./support/journey";
import { signIn } from "./support/sign-in";

// Journey 3: an agency commander signs in through both factors, sees the dashboard with its charts
// drawn, narrows it with a filter, drills from a chart into the report library, and a copy of the URL
// reproduces the same view. Metro City PD needs enough reports to open its own dashboard (the minimum
// rule), so this server gets a larger synthetic dataset than the other journeys.
describeInBrowser("journey 3: an agency commander's dashboard", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  }, { SEED_REPORTS: "12000" });

  /** What the headline strip says: the view's figures, to compare two loads of one URL. */
  const headline = (page: Page) => page.locator(".headline-strip").innerText();

  /** Charts the browser has drawn (ECharts owns the live box; the server's SVG is gone). */
  async function drawnCharts(page: Page): Promise<number> {
    await page.waitForFunction(() => document.querySelectorAll(".chart-live svg").length > 0);
    return page.locator(".chart-live svg").count();
  }

  it("signs in with MFA, reads the charts, filters, drills into the library, and the URL reproduces the view", async () => {
    const commander = await startJourney(browser, { name: "journey-3-commander", viewport: DESKTOP });
    const { page } = commander;
    await signIn(page, server.url, "commander@metro.demo.closecall.test", commander.audit, "/agency");
    await page.getByRole("heading", { name: "Your agency's reports" }).waitFor();
    expect(await drawnCharts(page)).toBeGreaterThanOrEqual(5);
    await expect(page.locator(".dash-closed").count()).resolves.toBe(0);
    await commander.audit("agency dashboard");

    // A filter: traffic stops only. The URL holds it, the summary says so, the figures change.
    const before = await headline(page);
    const panel = page.locator("details.filter-panel");
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator("summary").click();
    await page.getByLabel("Incident type", { exact: true }).selectOption("traffic_stop");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.locator(".active-filters", { hasText: "Traffic stop" }).waitFor();
    await remixSettled(page);
    expect(page.url()).toMatch(/type=traffic_stop/);
    const filteredUrl = page.url();
    const filtered = await headline(page);
    expect(filtered).not.toBe(before);
    await expect(page.locator(".active-filters").innerText()).resolves.toMatch(/Traffic stop/);
    expect(await drawnCharts(page)).toBeGreaterThanOrEqual(5);
    await commander.audit("agency dashboard: traffic stops");

    // The back button returns to the unfiltered view.
    await page.goBack();
    await page.locator(".active-filters-none").waitFor();
    await remixSettled(page);
    expect(page.url()).not.toContain("type=");
    expect(await headline(page)).toBe(before);
    await page.goForward();
    await page.locator(".active-filters", { hasText: "Traffic stop" }).waitFor();
    await remixSettled(page);
    expect(await headline(page)).toBe(filtered);

    // Drill-down: a click on a drawn point of the factor profile opens the library with that factor
    // and the view's published-field filters.
    const profile = page.locator(".dash-panel", { has: page.getByRole("heading", { name: /Contributing factors/ }) }).first();
    await profile.scrollIntoViewIfNeeded();
    const box = profile.locator(".chart-live");
    const clicked = await clickFirstDataItem(page, box);
    expect(clicked, "a chart item with a link was found and clicked").toBe(true);
    await page.waitForURL(/\/reports\?/);
    const library = new URL(page.url());
    expect(library.searchParams.getAll("factor")).toHaveLength(1);
    expect(library.searchParams.getAll("type")).toEqual(["traffic_stop"]);
    for (const protectedParam of ["agency", "state", "size", "consent"]) expect(library.searchParams.has(protectedParam)).toBe(false);
    await page.getByRole("heading", { name: /reports?/i }).first().waitFor();
    await commander.audit("library from a dashboard drill-down");

    // The copied URL reproduces the view, in a new tab of the same signed-in browser.
    const copy = await commander.context.newPage();
    await copy.goto(filteredUrl, { waitUntil: "networkidle" });
    await remixSettled(copy);
    expect(await headline(copy)).toBe(filtered);
    await expect(copy.getByLabel("Incident type", { exact: true }).inputValue()).resolves.toBe("traffic_stop");
    await copy.close();

    await page.goto(filteredUrl, { waitUntil: "networkidle" });
    await remixSettled(page);
    await commander.screenshot("final");
    await commander.finish();
  });
});

/**
 * Clicks the drawn marks of a live ECharts box (its SVG paths and circles) one by one until a click
 * navigates: the chart's click handler follows an item's drill-down link, as a person's click would.
 */
async function clickFirstDataItem(page: Page, box: ReturnType<Page["locator"]>): Promise<boolean> {
  const start = page.url();
  await box.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const points = await box.locator("svg path").evaluateAll((shapes) =>
    shapes
      .filter((shape) => !shape.closest("defs, pattern") && (shape.getAttribute("fill") ?? "none") !== "none")
      // Round marks first (ECharts draws a circle as an arc): data points, not hatching or swatches.
      .map((shape) => ({ rect: shape.getBoundingClientRect(), round: /A[\d.]/.test(shape.getAttribute("d") ?? "") }))
      .filter(({ rect: r }) => r.width >= 4 && r.height >= 4 && r.width <= 24 && r.height <= 24)
      .filter(({ rect: r }) => r.top >= 0 && r.bottom <= window.innerHeight)
      .sort((a, b) => Number(b.round) - Number(a.round))
      .map(({ rect: r }) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })),
  );
  for (const point of points.slice(0, 12)) {
    await page.mouse.click(point.x, point.y);
    try {
      // Remix changes the URL once the library's data has loaded.
      await page.waitForURL((url) => url.href !== start, { timeout: 3000 });
      return true;
    } catch {
      // not a data item with a link (a legend swatch, a withheld mark): try the next one
    }
  }
  return false;
}
