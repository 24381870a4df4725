// Developer tool: screenshot a page as a user sees it (Debian chromium, headless).
// node scripts/screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [--full]
import { chromium } from "playwright-core";

const [url, out, size = "1280x800", ...rest] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: node scripts/screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [--full]");
  process.exit(2);
}
const [width, height] = size.split("x").map(Number);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  await page.screenshot({ path: out, fullPage: rest.includes("--full") });
  console.log(`${response?.status()} ${url} → ${out}`);
} finally {
  await browser.close();
}
