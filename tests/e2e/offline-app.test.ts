import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { VALID_INPUT } from "../support/intake";
import { describeInBrowser, PHONE } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { startJourney } from "./support/journey";
import { fillReportForm, sendFromReview } from "./support/report-form";

// The installable app: after one online visit on which the officer turns offline use on, the report
// form opens with the network off; a report written offline is kept only in the opt-in device draft
// and is sent once back online, after the officer confirms. The worker's cache holds the form page and
// build files only. Without the opt-in, nothing is registered or stored.
const storage = (page: Page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys())
        paths.push(new URL(request.url).pathname + new URL(request.url).search);
    return paths.sort();
  });

describeInBrowser("the report form offline (service worker)", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  it("opens offline after one visit, keeps an offline report only in the opt-in draft, sends it online", async () => {
    // Offline, Remix's background route discovery (links on the page) fails: expected here.
    const officer = await startJourney(browser, {
      name: "offline-app",
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      allowConsoleErrors: [/net::ERR_INTERNET_DISCONNECTED/, /^Failed to fetch manifest patches/],
    });
    const { page, context } = officer;
    await page.goto(`${server.url}/report`);
    await page.getByText("Step 1 of 7").waitFor();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.evaluate(() => caches.keys())).toEqual([]);

    // One online visit: the officer turns offline use on.
    await page.getByLabel("Open this form without a connection").check();
    await page.getByText("The form opens on this device without a connection").waitFor();
    await officer.audit("report form: offline use on");
    await expect.poll(() => cachedPaths(page)).toContain("/report");
    const saved = await cachedPaths(page);
    for (const path of saved)
      expect(path).toMatch(
        /^\/(report|build\/.+\.(js|css)|manifest\.webmanifest|favicon\.svg|icons\/icon(\.svg|-192\.png))$/,
      );

    // Network off: the form opens from the device and works (JavaScript steps, validation).
    await context.setOffline(true);
    await page.reload();
    await page.getByText("Step 1 of 7").waitFor();
    await page.getByRole("button", { name: "Next: What contributed" }).click();
    await expect.poll(() => page.locator("#title-error").innerText()).toMatch(/short title/);
    await officer.audit("report form offline: step 1 with an error");

    // Written offline without a draft: nothing is stored, and the officer is told how to keep it.
    await fillReportForm(page, VALID_INPUT, officer.audit);
    await page.getByRole("button", { name: "Review my report" }).click();
    await page.getByText("You are offline: nothing was sent.").waitFor();
    expect(await storage(page)).toEqual({});
    await officer.audit("report form offline: not sent, no draft");
    await officer.screenshot("not-sent", { fullPage: false });
    await page.getByLabel("Keep a draft on this device").check();
    await page.getByText("Your report is kept on this device as a draft").waitFor();
    await expect
      .poll(async () => Object.keys(await storage(page)).sort())
      .toEqual(["closecall-report-draft", "closecall-report-draft-waiting"]);

    // The app is closed and opened again, still offline: the draft is back, still waiting.
    await page.goto("about:blank");
    await page.goto(`${server.url}/report`);
    await page.getByText("Your draft from this device was restored.").waitFor();
    await page.getByText("You are offline: nothing was sent.").waitFor();
    await expect.poll(() => page.getByLabel("A short title").inputValue()).toBe(VALID_INPUT.title);

    // Back online: the form asks; the officer confirms, sees the review and sends.
    await context.setOffline(false);
    await page.getByText("You are back online.").waitFor();
    await officer.audit("report form: back online, asking");
    await page.getByText("You are back online.").scrollIntoViewIfNeeded();
    await officer.screenshot("back-online", { fullPage: false });
    await page.getByRole("button", { name: "Review my report now" }).click();
    const receipt = await sendFromReview(page, officer.audit, (review) => expect(review).toContain(VALID_INPUT.title));
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    await expect.poll(() => storage(page)).toEqual({}); // the draft and its mark are gone once sent
    expect(await context.cookies()).toEqual([]);

    // Other pages offline: the start page says so and points to the saved form.
    await context.setOffline(true);
    await page.goto(server.url);
    await page.getByRole("heading", { name: "No connection" }).waitFor();
    await officer.audit("offline start page");
    await officer.screenshot("start-page-offline");
    await page.getByRole("link", { name: "Open the report form" }).click();
    await page.getByText("Step 1 of 7").waitFor();
    await officer.screenshot("final");
    await context.setOffline(false);

    // Turning it off removes the worker and everything it saved.
    await page.goto(`${server.url}/report`);
    const option = page.getByLabel("Open this form without a connection");
    await expect.poll(() => option.isChecked(), { timeout: 10_000 }).toBe(true); // the page asks the browser first
    await option.uncheck();
    await page.getByText("The form opens on this device without a connection").waitFor({ state: "detached" });
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), {
        timeout: 10_000,
      })
      .toBe(0);
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 10_000 }).toEqual([]);
    await officer.finish();
  });

  it("moves a saved form to a new build: the next load installs the new worker, which drops the old copy", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      // A worker left by an earlier build (its version is in the script URL), registered from a page of
      // the site that runs none of the app's code: an app page would move it to the current build at
      // once if it hydrated while the old worker was installing (a race the test lost on a busy machine).
      await page.goto(`${server.url}/manifest.webmanifest`);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.register("/sw.js?v=an-earlier-build", { scope: "/" });
        const worker = registration.installing!;
        await new Promise<void>((resolve) =>
          worker.addEventListener("statechange", () => worker.state === "activated" && resolve()),
        );
      });
      expect(await page.evaluate(() => caches.keys())).toEqual(["closecall-offline-an-earlier-build"]);
      await page.goto(`${server.url}/report`);
      const version = await page.evaluate(
        () => (window as unknown as { __remixManifest: { version: string } }).__remixManifest.version,
      );
      // The new worker saves the form and its build files before the old cache goes: slow on a busy machine.
      await expect
        .poll(() => page.evaluate(() => caches.keys()), { timeout: 45_000 })
        .toEqual([`closecall-offline-${version}`]);
      const scripts = () =>
        page.evaluate(async () =>
          (await navigator.serviceWorker.getRegistrations()).map(
            (r) => new URL(r.active?.scriptURL ?? "about:blank").search,
          ),
        );
      await expect.poll(scripts).toEqual([`?v=${version}`]);
    } finally {
      await context.close();
    }
  });
});
