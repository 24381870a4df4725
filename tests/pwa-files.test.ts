import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The web app manifest and its icons: every icon the manifest names exists with the size it declares.
const publicDir = path.resolve(import.meta.dirname, "../public");
const manifest = JSON.parse(readFileSync(path.join(publicDir, "manifest.webmanifest"), "utf8")) as {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
  shortcuts: { url: string; icons?: { src: string }[] }[];
};

function pngSize(file: string): string {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`; // the IHDR chunk's width and height
}

describe("web app manifest", () => {
  it("names the app and opens it on this site, standalone", () => {
    expect(manifest).toMatchObject({
      short_name: "Close Call",
      start_url: "/",
      scope: "/",
      display: "standalone",
      theme_color: "#102a43",
      background_color: "#ffffff",
    });
    expect(manifest.name.length).toBeGreaterThan(manifest.short_name.length);
    expect(manifest.shortcuts.map((s) => s.url)).toEqual(["/report", "/receipt"]);
  });

  it("has an SVG icon, 192 and 512 PNGs and a maskable one, each the size it says", () => {
    const png = manifest.icons.filter((i) => i.type === "image/png");
    expect(png.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
    expect(manifest.icons.some((i) => i.type === "image/svg+xml" && i.sizes === "any")).toBe(true);
    for (const icon of png) expect(pngSize(path.join(publicDir, icon.src)), icon.src).toBe(icon.sizes);
    for (const icon of manifest.icons.filter((i) => i.type === "image/svg+xml")) {
      expect(readFileSync(path.join(publicDir, icon.src), "utf8")).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
    }
    expect(pngSize(path.join(publicDir, "icons/apple-touch-icon.png"))).toBe("180x180");
  });
});
