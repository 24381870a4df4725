import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { expect, it, onTestFailed } from "vitest";
import { describeInBrowser, DESKTOP } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { remixSettled, startJourney } from "./support/journey";
import { waitForRelease } from "./support/release";
import { signIn } from "./support/sign-in";

// Journey 3: an agency commander signs in through both factors and lands on the agency page of the
// release book: the agency's name and "as of" on top, charts drawn, choices made in the page. Then:
// after each of several choices made in the page (client navigation), every data table equals
// the same URL loaded afresh and its CSV download — the old bug put shares under the wrong factor columns
// after in-page navigation. Then a drill-down keeps the agency's scope, and a copied URL reproduces the view.
describeInBrowser("journey 3: an agency commander's dashboard", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser(
    (s, b) => {
      [server, browser] = [s, b];
    },
    { SEED_REPORTS: "12000" },
  );

  interface ScreenTable {
    id: string;
    headers: string[];
    rows: string[][];
  }

  /** Every data table of the page, as text (closed <details> included), keyed by its download's name. */
  const tables = (page: Page): Promise<ScreenTable[]> =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[data-panel]")].flatMap((panel) =>
        [...panel.querySelectorAll("table")].map((t) => ({
          id: t.closest<HTMLElement>("[data-table]")?.dataset.table ?? panel.dataset.panel!,
          headers: [...t.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").trim()),
          rows: [...t.querySelectorAll("tbody tr")].map((tr) =>
            [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim()),
          ),
        })),
      ),
    );

  const headline = (page: Page) => page.locator(".headline-strip").innerText();

  async function choose(page: Page, label: string, value: string) {
    await page.getByLabel(label, { exact: true }).selectOption(value);
    await page.getByRole("button", { name: "Show", exact: true }).click();
  }

  it("signs in, compares each table after in-page choices with a fresh load and CSV, drills down", async () => {
    onTestFailed(() => {
      process.stderr.write(`Server output (end):\n${server.output().slice(-6000)}\n`);
    });
    const commander = await startJourney(browser, { name: "journey-3-commander", viewport: DESKTOP });
    const { page } = commander;
    await signIn(page, server.url, "commander@metro.demo.closecall.test", commander.audit, "/agency");
    await waitForRelease(page, `${server.url}/agency`, server.output);
    await page.getByRole("heading", { name: "Your agency's near-miss reports" }).waitFor();
    await expect.poll(() => page.locator(".agency-name").innerText()).toMatch(/Metro City Police Department/i);
    await expect.poll(() => page.locator(".as-of").innerText()).toMatch(/^As of the release of /);
    await expect.poll(() => page.locator(".chart-live svg").count()).toBeGreaterThanOrEqual(4);
    await commander.audit("agency dashboard");

    const years = await page
      .locator("#choice-period optgroup[label=Years] option")
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const quarters = await page
      .locator("#choice-period optgroup[label=Quarters] option")
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const months = await page
      .locator("#choice-from option")
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
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
      // A fresh load of the same URL, then the page after client navigation must come to the very same
      // tables (retried while the page settles, never read once): the old bug kept shares under the wrong
      // factor columns, which no wait would fix.
      const fresh = await commander.context.newPage();
      await fresh.goto(url, { waitUntil: "networkidle" });
      let loaded: ScreenTable[] = [];
      await expect
        .poll(
          async () => {
            loaded = await tables(fresh);
            return loaded.length;
          },
          { timeout: 20_000 },
        )
        .toBeGreaterThanOrEqual(2);
      await fresh.close();
      const inPage = loaded;
      await expect
        .poll(async () => JSON.stringify(await tables(page)), {
          timeout: 20_000,
          message: `${label}=${value}: in-page tables against a fresh load`,
        })
        .toBe(JSON.stringify(loaded));
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
    await expect.poll(() => new URL(page.url()).searchParams.get("mine")).toBe("1");
    await commander.audit("library from a dashboard drill-down");

    // A copied URL reproduces the view.
    const viewUrl = `${server.url}/agency?vs=size`;
    await page.goto(viewUrl, { waitUntil: "networkidle" });
    await expect.poll(() => headline(page)).toMatch(/\S/);
    const shown = await headline(page);
    const copy = await commander.context.newPage();
    await copy.goto(viewUrl, { waitUntil: "networkidle" });
    await expect.poll(() => headline(copy)).toBe(shown);
    await expect.poll(() => copy.getByLabel("Compare with", { exact: true }).inputValue()).toBe("size");
    await copy.close();
    await commander.screenshot("final");
    await commander.finish();
  }, 600_000);

  it("agency page: saved views, phone layout, print, inert charts unhydrated, month choices, full labels", async () => {
    const commander = await startJourney(browser, { name: "journey-3-layout", viewport: { width: 1440, height: 900 } });
    const { page } = commander;
    await signIn(page, server.url, "commander@metro.demo.closecall.test", commander.audit, "/agency");
    await waitForRelease(page, `${server.url}/agency?vs=size`, server.output);
    await expect.poll(() => page.locator(".chart-box.is-live").count()).toBeGreaterThanOrEqual(3);

    // Factor labels whole at 1440 px: no label of the live profile chart is cut with an ellipsis.
    await expect
      .poll(async () => {
        const labels = await page.locator("[data-panel=profile] .chart-live svg text").allTextContents();
        return { drawn: labels.length > 5, cut: labels.filter((t) => t.includes("…")) };
      })
      .toEqual({ drawn: true, cut: [] });

    // Month choices are selects of named months, never a bare month input.
    expect(await page.locator("input[type=month]").count()).toBe(0);
    await expect.poll(() => page.locator("#choice-from option").first().innerText()).toMatch(/^[A-Z][a-z]{2} \d{4}$/);

    // Saved views: name the current view, find it again, copy its link, delete it.
    await page.locator("details.saved-views > summary").click();
    await page.getByLabel("Name this view").fill("Peers by size");
    await page.getByRole("button", { name: "Save this view" }).click();
    await page.getByRole("link", { name: "Peers by size" }).waitFor();
    await remixSettled(page);
    await expect
      .poll(() => page.getByRole("link", { name: "Peers by size" }).getAttribute("href"))
      .toBe("/agency?vs=size");
    await expect.poll(() => page.getByRole("button", { name: "Copy link: Peers by size" }).count()).toBe(1);
    await commander.audit("agency dashboard with a saved view");
    await page.goto(`${server.url}/agency`, { waitUntil: "networkidle" });
    // With a saved view the list is open on arrival.
    await page.getByRole("link", { name: "Peers by size" }).click();
    await page.waitForURL(/vs=size/);
    await remixSettled(page);
    await page.getByRole("button", { name: "Delete the saved view “Peers by size”" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Peers by size" }).count()).toBe(0);

    // Print: agency and choices on top, no navigation, choices form or buttons, a panel never split.
    await page.emulateMedia({ media: "print" });
    const printed = () =>
      page.evaluate(() => ({
        header: getComputedStyle(document.querySelector(".site-header")!).display,
        form: getComputedStyle(document.querySelector(".book-choices")!).display,
        buttons: [...document.querySelectorAll("main button")].filter((b) => getComputedStyle(b).display !== "none")
          .length,
        choices: getComputedStyle(document.querySelector(".print-choices")!).display,
        choicesText: document.querySelector(".print-choices")!.textContent,
        split: [...document.querySelectorAll(".dash-panel")].filter((p) => getComputedStyle(p).breakInside !== "avoid")
          .length,
      }));
    await expect.poll(printed).toEqual({
      header: "none",
      form: "none",
      buttons: 0,
      choices: "grid",
      choicesText: expect.stringMatching(/Period of publication/),
      split: 0,
    });
    await page.emulateMedia({ media: "screen" });

    // A phone: panels fold after the first, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/agency`, { waitUntil: "networkidle" });
    await expect.poll(() => page.locator("details.book-panel[open]").count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // It was ~8,000 px; the choices and every panel but the first start folded.
    await expect.poll(() => page.locator("details.choice-panel[open]").count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5000);
    await commander.audit("agency dashboard on a phone");

    // Before hydration the charts are inert: the server's picture takes no pointer.
    const state = await commander.context.storageState();
    const noScript = await browser.newContext({
      javaScriptEnabled: false,
      storageState: state,
      viewport: { width: 1440, height: 900 },
    });
    const still = await noScript.newPage();
    await still.goto(`${server.url}/agency`);
    const inert = await still.evaluate(() =>
      [...document.querySelectorAll(".chart-box")].map((b) => [
        b.classList.contains("is-live"),
        getComputedStyle(b).pointerEvents,
      ]),
    );
    expect(inert.length).toBeGreaterThan(2);
    for (const [live, events] of inert) expect([live, events]).toEqual([false, "none"]);
    await noScript.close();
    await commander.finish();
  }, 600_000);
});
