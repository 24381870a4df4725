// Developer tool: sign in as demo accounts in headless Chromium and screenshot the dashboards at a phone
// and a desktop width, reporting console errors and CSP violations seen on the way.
//   npx tsx scripts/dashboard-screenshots.ts BASE_URL OUT_DIR
// Needs a running demo server (npm start) and the demo TOTP secret (demo mode only).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { signInDemo } from "./demo-sign-in";

const [base = "http://127.0.0.1:3000", out = "test-output/dashboards"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const shots = [
  { email: "commander@metro.demo.closecall.test", path: "/agency", name: "agency-metro" },
  { email: "commander@pinehollow.demo.closecall.test", path: "/agency", name: "agency-pinehollow" },
  { email: "analyst@demo.closecall.test", path: "/national", name: "national" },
  { email: null, path: "/national/summary", name: "national-summary" },
];

async function signIn(page: Page, email: string) {
  await signInDemo(page, base, email);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    // The Permissions-Policy warning is Chromium not knowing one of the features the server denies.
    page.on("console", (m) => {
      if ((m.type() === "error" || m.type() === "warning") && !m.text().includes("Permissions-Policy"))
        problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    if (shot.email) await signIn(page, shot.email);
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      const started = Date.now();
      const response = await page.goto(`${base}${shot.path}${process.env.QUERY ?? ""}`, { waitUntil: "networkidle" });
      await page.waitForSelector(".chart-live svg", { timeout: 10_000 }).catch(() => problems.push("no live chart"));
      // What the browser fetched: JavaScript bodies as sent (gzip), from the Resource Timing API.
      const js = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((e) => e.name.endsWith(".js"))
          .map((e) => ({
            name: e.name,
            encoded: (e as PerformanceResourceTiming).encodedBodySize,
            decoded: (e as PerformanceResourceTiming).decodedBodySize,
          })),
      );
      if (width === 1440)
        console.log(
          `  JavaScript loaded: ${js.length} files, ${(js.reduce((s, e) => s + e.encoded, 0) / 1024).toFixed(1)} ` +
            `KB as sent, ${(js.reduce((s, e) => s + e.decoded, 0) / 1024).toFixed(1)} KB decoded`,
        );
      const file = path.join(out, `${shot.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${response?.status()} ${shot.path} ${width}px → ${file} (${Date.now() - started} ms)`);
      if (process.env.PANELS) {
        // One picture per panel as well, to look at the charts at full resolution.
        const panels = page.locator(".dash-panel, .headline-strip");
        for (let i = 0; i < (await panels.count()); i++)
          await panels.nth(i).screenshot({ path: path.join(out, `${shot.name}-${width}-panel${i}.png`) });
      }
    }
    console.log(problems.length ? `  console: ${problems.join("\n  ")}` : "  console: clean");
    await context.close();
  }
} finally {
  await browser.close();
}
