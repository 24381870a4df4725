import { describe, expect, it } from "vitest";
import { pageJavaScript } from "../scripts/page-js-size.mjs";

// docs/design.md §9: a dashboard page loads at most 350 KB of JavaScript, gzip (all chunks: entry, root, route
// and everything they import). The global setup builds the client first.
const BUDGET = 350 * 1024;

describe("dashboard page JavaScript", () => {
  it.each(["routes/agency._index", "routes/national._index", "routes/national.summary"])(
    "%s stays within 350 KB gzip",
    (route) => {
      const { files, raw, gzip } = pageJavaScript(route) as { files: { url: string }[]; raw: number; gzip: number };
      console.info(
        `${route}: ${files.length} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`,
      );
      expect(files.some((f) => f.url.includes("/routes/"))).toBe(true);
      expect(gzip).toBeLessThanOrEqual(BUDGET);
    },
  );
});
