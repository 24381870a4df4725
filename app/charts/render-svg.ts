// Server-side rendering of a chart option to an SVG string (ECharts SSR) for the first paint, before the
// browser's script takes over. Also what the builders' headless tests draw.
import type { EChartsOption } from "echarts";
import { echarts } from "./echarts-setup";

/**
 * The SVG of an option at a nominal size (scaled by its viewBox). Inline <style> elements (hover CSS)
 * are dropped: the page's CSP forbids them, and the static first paint has no hover. Element ids get
 * the given prefix so that several charts on one page cannot clash.
 */
export function renderChartSvg(option: EChartsOption, width: number, height: number, idPrefix = "ssr"): string {
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
