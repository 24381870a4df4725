import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentTotp } from "../../db/accounts/mfa";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../db/synthetic/demo-accounts";
import { browserAvailable, describeInBrowser, launchBrowser } from "../support/browser";
import { type RunningServer, startServer } from "../support/run-server";

// A real browser signs in through both factors, with and without JavaScript, on 127.0.0.1 and on
// localhost: the Secure __Host- cookie must work on both (browsers treat them as secure contexts).
const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-e2e-"));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir, SEED_REPORTS: "300", NODE_ENV: "development" });
  if (browserAvailable) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

// Each journey uses its own account: a TOTP code signs an account in once.
const journeys = [
  {
    host: "127.0.0.1",
    javaScript: true,
    email: "commander@metro.demo.closecall.test",
    name: "Metro Commander",
    home: "/agency",
  },
  {
    host: "127.0.0.1",
    javaScript: false,
    email: "trainer@metro.demo.closecall.test",
    name: "Metro Trainer",
    home: "/agency",
  },
  {
    host: "localhost",
    javaScript: true,
    email: "analyst@harbor.demo.closecall.test",
    name: "Harbor Analyst",
    home: "/agency",
  },
  {
    host: "localhost",
    javaScript: false,
    email: "admin@demo.closecall.test",
    name: "Programme Administrator",
    home: "/admin/enrolments",
  },
];

describe("the running server", () => {
  it("gives two responses different CSP nonces, carried by the page's scripts", async () => {
    const pages = await Promise.all([fetch(`${server.url}/sign-in`), fetch(`${server.url}/sign-in`)]);
    const nonces = pages.map((r) => r.headers.get("Content-Security-Policy")!.match(/'nonce-([^']+)'/)![1]!);
    expect(nonces[0]).not.toBe(nonces[1]);
    const html = await pages[0]!.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonces[0]}"`);
    expect(pages[0]!.headers.get("Cache-Control")).toBe("no-store");
  });
});

describeInBrowser("sign-in in Chromium", () => {
  it.each(journeys)(
    "$host, JavaScript $javaScript: password, TOTP, lands on $home, account page, sign out",
    async ({ host, javaScript, email, name, home }) => {
      const base = server.url.replace("127.0.0.1", host);
      const context = await browser.newContext({
        javaScriptEnabled: javaScript,
        viewport: { width: 390, height: 844 },
      });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/sign-in`);
        await page.fill('input[name="email"]', email);
        await page.fill('input[name="password"]', DEMO_PASSWORD);
        await Promise.all([page.waitForURL(/\/sign-in\/mfa/), page.click('main button[type="submit"]')]);
        const [pending] = await context.cookies();
        expect(pending).toMatchObject({
          name: "__Host-closecall_session",
          secure: true,
          httpOnly: true,
          sameSite: "Lax",
          path: "/",
        });

        await page.fill('input[name="code"]', await currentTotp(DEMO_TOTP_SECRET));
        await Promise.all([page.waitForURL((url) => url.pathname === home), page.click('main button[type="submit"]')]);
        const [signedIn] = await context.cookies();
        expect(signedIn!.value).not.toBe(pending!.value);
        await page.goto(`${base}/account`);
        await page.waitForSelector('h1:text-is("Your account")');
        await expect.poll(() => page.locator(".user-menu").innerText()).toContain(name);

        await Promise.all([
          page.waitForURL((url) => url.pathname === "/"),
          page.click('.user-menu button[type="submit"]'),
        ]);
        expect(await context.cookies()).toEqual([]);
        await page.goto(`${base}/account`);
        expect(new URL(page.url()).pathname).toBe("/sign-in");
        await page.waitForSelector('h1:text-is("Partner sign-in")');
      } finally {
        await context.close();
      }
    },
  );
});
