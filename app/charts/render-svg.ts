// Server-side rendering of a chart option to an SVG string (ECharts SSR) for the first paint, before the
// browser's script takes over. Also what the builders' headless tests draw.
import type { EChartsOption } from "echarts";
import { echarts } from "./echarts-setup";

// Drawing a chart costs tens of milliseconds and a dashboard has a dozen, while many requests draw the
// same options (the same filters, the national panels everyone sees). The drawing depends on nothing
// but the option (functions included), the size and the id prefix, so identical input reuses the SVG.
const CACHE_ENTRIES = 300;
const cache = new Map<string, string>();

function cacheKey(option: EChartsOption, width: number, height: number, idPrefix: string): string {
  const json = JSON.stringify(option, (_key, value: unknown) =>
    typeof value === "function" ? `fn:${value.toString()}` : value,
  );
  return `${width}x${height}|${idPrefix}|${json}`;
}

function draw(option: EChartsOption, width: number, height: number, idPrefix: string): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    // Every builder's base option turns animation off (baseOption in common.ts): a static paint.
    chart.setOption({ ...option });
    return chart
      .renderToSVGString()
      .replace(/<style[\s\S]*?<\/style>/g, "")
      .replace(/zr\d+-/g, `${idPrefix}-`);
  } finally {
    chart.dispose();
  }
}

/**
 * The SVG of an option at a nominal size (scaled by its viewBox). Inline <style> elements (hover CSS)
 * are dropped: the page's CSP forbids them, and the static first paint has no hover. Element ids get
 * the given prefix so that several charts on one page cannot clash.
 */
export function renderChartSvg(option: EChartsOption, width: number, height: number, idPrefix = "ssr"): string {
  const key = cacheKey(option, width, height, idPrefix);
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key); // most recently used last
    cache.set(key, cached);
    return cached;
  }
  const svg = draw(option, width, height, idPrefix);
  cache.set(key, svg);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return svg;
}
