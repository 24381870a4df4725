// Developer tool: sign in as demo accounts in headless Chromium, screenshot the export pages and the
// download links at a phone and a desktop width, download every kind of file (CSV, XLSX, SVG, PNG, PDF,
// an API answer) into OUT_DIR and render the briefing PDF's pages to PNG with pdftoppm, reporting console
// errors and CSP violations seen on the way.
//   npx tsx scripts/export-screenshots.ts BASE_URL OUT_DIR
// Needs a running demo server (npm start) and the demo TOTP secret (demo mode only).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { signInDemo } from "./demo-sign-in";

const [base = "http://127.0.0.1:3000", out = "test-output/exports"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

async function signIn(page: Page, email: string) {
  await signInDemo(page, base, email);
}

function watch(page: Page, problems: string[]) {
  page.on("console", (m) => {
    if ((m.type() === "error" || m.type() === "warning") && !m.text().includes("Permissions-Policy"))
      problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
}

async function shoot(page: Page, urlPath: string, name: string, selector?: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    const response = await page.goto(`${base}${urlPath}`, { waitUntil: "networkidle" });
    const file = path.join(out, `${name}-${width}.png`);
    if (selector) await page.locator(selector).first().screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: true });
    console.log(`${response?.status()} ${urlPath} ${width}px → ${file}`);
  }
}

async function download(context: BrowserContext, urlPath: string, file: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await context.request.get(`${base}${urlPath}`, { headers });
  const body = await response.body();
  writeFileSync(path.join(out, file), body);
  console.log(
    `${response.status()} ${urlPath} → ${file} (${body.length.toLocaleString("en-US")} ` +
      `bytes, ${Date.now() - started} ` +
      `ms, ${response.headers()["content-type"]}, ${response.headers()["content-disposition"] ?? "inline"})`,
  );
  return response;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const problems: string[] = [];
  // A trainer: the dashboard's download links, every kind of file, the briefing builder and its PDF.
  const trainer = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await trainer.newPage();
  watch(page, problems);
  await signIn(page, "trainer@metro.demo.closecall.test");
  await shoot(page, "/agency", "agency-profile-panel", "#profile-title >> xpath=ancestor::section");
  await shoot(page, "/agency", "agency-top", ".dash-header");
  const query = "from=2023-01&to=2025-12";
  await download(trainer, `/agency/tables/profile.csv?${query}`, "agency-profile.csv");
  await download(trainer, `/agency/tables/profile.xlsx?${query}`, "agency-profile.xlsx");
  await download(trainer, `/agency/tables/all.xlsx?${query}`, "agency-all.xlsx");
  await download(trainer, `/agency/charts/profile.svg?${query}`, "agency-profile.svg");
  await download(trainer, `/agency/charts/profile.png?${query}`, "agency-profile.png");
  await download(trainer, `/agency/charts/heatmap.png?${query}`, "agency-heatmap.png");
  await download(trainer, `/reports/export/reports.csv?factor=hc_low_light`, "library-low-light.csv");
  await download(
    trainer,
    `/reports/export/reports-with-narratives.xlsx?factor=hc_low_light&type=traffic_stop`,
    "library-low-light-traffic.xlsx",
  );
  await shoot(page, "/reports?factor=hc_low_light", "library", ".results-bar ~ .library-downloads, .library-downloads");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${base}/agency/briefing?${query}&type=traffic_stop`, { waitUntil: "networkidle" });
  const boxes = page.locator('input[name="report"]');
  for (let i = 0; i < Math.min(3, await boxes.count()); i++) await boxes.nth(i).check();
  const chosen = await page
    .locator('input[name="report"]:checked')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await shoot(
    page,
    `/agency/briefing?${query}&type=traffic_stop&${chosen.map((c) => `report=${c}`).join("&")}`,
    "briefing",
  );
  await download(
    trainer,
    `/agency/briefing.pdf?${query}&type=traffic_stop&${chosen.map((c) => `report=${c}`).join("&")}`,
    "briefing.pdf",
  );
  execFileSync("pdftoppm", ["-png", "-r", "70", path.join(out, "briefing.pdf"), path.join(out, "briefing-page")]);
  console.log(`briefing.pdf → ${path.join(out, "briefing-page-*.png")}`);
  await trainer.close();

  // A commander: API tokens (create, use, revoke).
  const commander = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const cpage = await commander.newPage();
  watch(cpage, problems);
  await signIn(cpage, "commander@metro.demo.closecall.test");
  await cpage.goto(`${base}/agency/api-tokens`);
  await cpage.fill('input[name="name"]', "Training unit spreadsheet");
  await Promise.all([cpage.waitForLoadState("networkidle"), cpage.click('button:has-text("Create token")')]);
  const token = (await cpage.locator(".one-time-secret code").textContent())?.trim() ?? "";
  await cpage.screenshot({ path: path.join(out, "api-tokens-created-1440.png"), fullPage: true });
  await cpage.setViewportSize({ width: 390, height: 844 });
  await cpage.screenshot({ path: path.join(out, "api-tokens-created-390.png"), fullPage: true });
  const api = await browser.newContext();
  await download(api, `/api/v1/profile?${query}`, "api-profile.json", { Authorization: `Bearer ${token}` });
  await download(api, `/api/v1/reports?size=2`, "api-reports.json", { Authorization: `Bearer ${token}` });
  await download(api, `/api/v1/profile?agency=x`, "api-error.json", { Authorization: `Bearer ${token}` });
  await cpage.setViewportSize({ width: 1440, height: 900 });
  await cpage.goto(`${base}/agency/api-tokens`);
  await Promise.all([
    cpage.waitForLoadState("networkidle"),
    cpage.locator('button:has-text("Revoke")').first().click(),
  ]);
  await download(api, `/api/v1/profile`, "api-revoked.json", { Authorization: `Bearer ${token}` });
  await api.close();
  await commander.close();
  console.log(problems.length ? `console: ${problems.join("\n  ")}` : "console: clean");
} finally {
  await browser.close();
}
