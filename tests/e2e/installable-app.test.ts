import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, launchPersistentContext, PHONE } from "../support/browser";
import { type AppServer, startAppServer } from "./support/app-server";

// Chromium's own verdict on the app: the manifest parses without errors, its icons load, and the page
// is installable. The app's files are served with the right types and, like the intake pages, leave no
// line in the request log (a browser fetches them from the report form too).
describeInBrowser("the installable app", () => {
  let server: AppServer;
  let context: BrowserContext;
  const profile = mkdtempSync(path.join(tmpdir(), "closecall-profile-"));
  beforeAll(async () => {
    [server, context] = await Promise.all([startAppServer(), launchPersistentContext(profile, { viewport: PHONE })]);
  });
  afterAll(async () => {
    await context?.close();
    await server?.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it("is installable from the report form, with a valid manifest and icons", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/report`);
    await page.getByText("Step 1 of 7").waitFor();
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(new URL(manifest.url).pathname).toBe("/manifest.webmanifest");
    expect(manifest.errors).toEqual([]);
    await expect
      .poll(async () => (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors, { timeout: 10_000 })
      .toEqual([]);
    // Installable does not mean stored: nothing was registered without the officer's choice.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await page.close();
  });

  it("serves the app's files with their types and logs none of them", async () => {
    const files = {
      "/manifest.webmanifest": "application/manifest+json",
      "/sw.js": "application/javascript",
      "/icons/icon.svg": "image/svg+xml",
      "/icons/icon-192.png": "image/png",
      "/icons/icon-512.png": "image/png",
      "/icons/icon-maskable-512.png": "image/png",
      "/icons/apple-touch-icon.png": "image/png",
      "/favicon.svg": "image/svg+xml",
    };
    for (const [file, type] of Object.entries(files)) {
      const response = await fetch(`${server.url}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("Content-Type"), file).toContain(type);
    }
    // A page that is logged, so the log is known to be written. Its body is read: the line is written when
    // the response finishes, which an unread body can hold back (a 15 s poll ran out once under load).
    await (await fetch(`${server.url}/reports`)).text();
    await expect.poll(() => server.output()).toMatch(/GET \/reports 200/);
    for (const file of Object.keys(files)) expect(server.output()).not.toContain(file);
  });
});
