// What every chart option shares: fonts, colours, tooltip look, an ARIA description. Browser-safe.
import type { EChartsOption } from "echarts";
import { colors, seriesColors } from "./palette";

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export function baseOption(description: string): EChartsOption {
  return {
    animation: false,
    color: [...seriesColors],
    textStyle: { fontFamily: FONT, color: colors.ink },
    aria: { enabled: true, label: { description } },
    tooltip: { confine: true, textStyle: { fontFamily: FONT } },
  };
}

/** Escapes text for ECharts' HTML tooltips (labels come from the taxonomy, but stay safe anyway). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * A grid whose axis labels and names stay inside the given margins (ECharts 6 replaced
 * `grid.containLabel` with outer bounds).
 */
export function gridWithin(box: { left: number | string; right: number | string; top: number; bottom: number }) {
  return { ...box, outerBoundsMode: "same" as const, outerBoundsContain: "all" as const };
}

/** The data item behind a tooltip or click (ECharts keeps the extra fields we put on items). */
export function itemOf<T>(params: unknown): T {
  return ((Array.isArray(params) ? params[0] : params) as { data: T }).data;
}

/** Below this chart width the narrow overrides apply (phones: charts stack at full width). */
export const NARROW_CHART = 520;

/**
 * An option with overrides for narrow charts (ECharts media queries, applied again on every resize).
 * The server draws the base option.
 */
export function responsive(base: EChartsOption, narrow: EChartsOption): EChartsOption {
  // The root-level form ({ ...base, media }): ECharts' `baseOption` form makes its development build
  // report a missing timeline component. ECharts clears `media` on the object it is given, so callers
  // pass it a copy (Chart, renderChartSvg).
  return { ...base, media: [{ query: { maxWidth: NARROW_CHART }, option: narrow }] } as EChartsOption;
}

/** The base option of a (possibly responsive) option: what tests and the server look at. */
export function baseOf(option: EChartsOption): EChartsOption {
  const { media: _media, ...base } = option as EChartsOption & { media?: unknown };
  return base;
}
