import type { Page } from "playwright-core";

export interface Transfer {
  /** Compressed bytes of the page's JavaScript files, as sent (gzip where the server compresses). */
  js: number;
  css: number;
  /** The same files uncompressed, for the record. */
  jsDecoded: number;
  files: { path: string; bytes: number }[];
}

/**
 * JavaScript and CSS the page loaded, from the browser's Resource Timing entries: `encodedBodySize` is
 * the body as it crossed the network (after gzip), without headers. Use a fresh context so nothing
 * comes from the HTTP cache.
 */
export async function measureTransfer(page: Page): Promise<Transfer> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((entry) => {
      const timing = entry as PerformanceResourceTiming;
      return { path: new URL(timing.name).pathname, bytes: timing.encodedBodySize, decoded: timing.decodedBodySize };
    }),
  );
  const of = (extension: string) => entries.filter((e) => e.path.endsWith(extension));
  const sum = (list: { bytes: number }[]) => list.reduce((total, e) => total + e.bytes, 0);
  return {
    js: sum(of(".js")),
    css: sum(of(".css")),
    jsDecoded: of(".js").reduce((total, e) => total + e.decoded, 0),
    files: [...of(".js"), ...of(".css")].map(({ path, bytes }) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}
