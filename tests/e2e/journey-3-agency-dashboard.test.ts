import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, DESKTOP } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { remixSettled, startJourney } from "./support/journey";
import { waitForRelease } from "./support/release";
import { signIn } from "./support/sign-in";

// Journey 3: an agency commander signs in through both factors and lands on the agency page of the
// release book: the agency's name and "as of" on top, charts drawn, choices made in the page. Issue 16's
// acceptance: after each of several choices made in the page (client navigation), every data table equals
// the same URL loaded afresh and its CSV download — the old bug put shares under the wrong factor columns
// after in-page navigation. Then a drill-down keeps the agency's scope, and a copied URL reproduces the view.
describeInBrowser("journey 3: an agency commander's dashboard", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  }, { SEED_REPORTS: "12000" });

  interface ScreenTable { id: string; headers: string[]; rows: string[][] }

  /** Every data table of the page, as text (closed <details> included), keyed by its panel. */
  const tables = (page: Page): Promise<ScreenTable[]> => page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-panel]")].flatMap((panel) =>
      [...panel.querySelectorAll("table")].map((t) => ({
        id: panel.dataset.panel!,
        headers: [...t.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").trim()),
        rows: [...t.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())),
      }))));

  const headline = (page: Page) => page.locator(".headline-strip").innerText();

  async function choose(page: Page, label: string, value: string) {
    await page.getByLabel(label, { exact: true }).selectOption(value);
    await page.getByRole("button", { name: "Show", exact: true }).click();
  }

  it("signs in, reads the book's page, compares each table after in-page choices with a fresh load and its CSV, drills down in scope", async () => {
    const commander = await startJourney(browser, { name: "journey-3-commander", viewport: DESKTOP });
    const { page } = commander;
    await signIn(page, server.url, "commander@metro.demo.closecall.test", commander.audit, "/agency");
    await waitForRelease(page, `${server.url}/agency`);
    await page.getByRole("heading", { name: "Your agency's near-miss reports" }).waitFor();
    await expect.poll(() => page.locator(".agency-name").innerText()).toMatch(/Metro City Police Department/i);
    await expect.poll(() => page.locator(".as-of").innerText()).toMatch(/^As of the release of /);
    await expect.poll(() => page.locator(".chart-live svg").count()).toBeGreaterThanOrEqual(4);
    await commander.audit("agency dashboard");

    const years = await page.locator("#choice-period optgroup[label=Years] option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const quarters = await page.locator("#choice-period optgroup[label=Quarters] option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const months = await page.locator("#choice-from option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const changes: [string, string][] = [
      ["Compare with", "size"],
      ["Factor to follow", "hc_weather"],
      ["Period of publication", quarters[0]!],
      ["Compare with", "region"],
      ["Period of publication", years[years.length - 2] ?? years[0]!],
      ["From month of publication", months[12]!],
    ];
    for (const [label, value] of changes) {
      const before = page.url();
      await choose(page, label, value);
      await page.waitForURL((url) => url.href !== before);
      await remixSettled(page);
      const url = page.url();
      // In the page after client navigation: read when the tables have settled (retry, never one shot).
      let inPage: ScreenTable[] = [];
      await expect.poll(async () => { inPage = await tables(page); return inPage.length; }, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await expect.poll(async () => JSON.stringify(await tables(page))).toBe(JSON.stringify(inPage));
      // A fresh load of the same URL.
      const fresh = await commander.context.newPage();
      await fresh.goto(url, { waitUntil: "networkidle" });
      await expect.poll(async () => JSON.stringify(await tables(fresh)), { message: `${label}=${value}: fresh load` }).toBe(JSON.stringify(inPage));
      await fresh.close();
      // Each table's CSV for the same choices.
      const query = new URL(url).search;
      for (const table of inPage) {
        const csv = await page.request.get(`${server.url}/agency/tables/${table.id}.csv${query}`);
        expect(csv.status(), `${table.id}.csv`).toBe(200);
        const text = await csv.text();
        const start = Number(/The table starts on line (\d+)/.exec(text)![1]);
        const records = parse(text, { bom: true, from_line: start }) as string[][];
        expect(records[0], `${label}=${value}: ${table.id}.csv headers`).toEqual(table.headers);
        expect(records.slice(1), `${label}=${value}: ${table.id}.csv rows`).toEqual(table.rows);
      }
    }
    await commander.audit("agency dashboard after choices");

    // Drill-down from an agency figure keeps the agency's scope: the library of reports shared with it.
    await page.goto(`${server.url}/agency`, { waitUntil: "networkidle" });
    await remixSettled(page);
    const link = page.locator("[data-panel=shared] a[href*='mine=1']").first();
    await link.click();
    await page.waitForURL(/\/reports\?/);
    expect(new URL(page.url()).searchParams.get("mine")).toBe("1");
    await commander.audit("library from a dashboard drill-down");

    // A copied URL reproduces the view.
    const viewUrl = `${server.url}/agency?vs=size`;
    await page.goto(viewUrl, { waitUntil: "networkidle" });
    const shown = await headline(page);
    const copy = await commander.context.newPage();
    await copy.goto(viewUrl, { waitUntil: "networkidle" });
    await expect.poll(() => headline(copy)).toBe(shown);
    await expect.poll(() => copy.getByLabel("Compare with", { exact: true }).inputValue()).toBe("size");
    await copy.close();
    await commander.screenshot("final");
    await commander.finish();
  }, 600_000);
});
