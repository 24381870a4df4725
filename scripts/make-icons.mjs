// Developer tool: renders the app icons' PNG sizes from their SVG sources with Debian's chromium.
// node scripts/make-icons.mjs   (writes public/icons/*.png; commit them with the SVGs)
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const dir = path.resolve(import.meta.dirname, "../public/icons");
// Rounded icon for browsers and launchers that show it as is; full-bleed ones for launchers that crop
// (maskable: the mark stays inside the central 80% safe zone) and for iOS, which rounds corners itself.
const outputs = [
  { source: "icon.svg", file: "icon-192.png", size: 192 },
  { source: "icon.svg", file: "icon-512.png", size: 512 },
  { source: "icon-maskable.svg", file: "icon-maskable-512.png", size: 512 },
  { source: "icon-maskable.svg", file: "apple-touch-icon.png", size: 180 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  for (const { source, file, size } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const svg = readFileSync(path.join(dir, source), "utf8");
    const style = `html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}`;
    await page.setContent(`<style>${style}</style>${svg}`);
    await page.screenshot({ path: path.join(dir, file), omitBackground: true });
    await page.close();
    console.log(`${file} (${size}×${size}) from ${source}`);
  }
} finally {
  await browser.close();
}
