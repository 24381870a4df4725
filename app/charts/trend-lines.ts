// Lines over fixed time bins (quarters or months): shares of reports or report counts, one line per
// population. A withheld point is a gap in its line with a hatched column marked "withheld" — never a
// point at zero. Pure: (data) → option.
import type { CustomSeriesOption, CustomSeriesRenderItemAPI, EChartsOption, LineSeriesOption } from "echarts";
import { type Count, isSuppressed, type Share } from "../../domain/figures";
import { baseOption, escapeHtml, gridWithin, itemOf, responsive } from "./common";
import { withheldText } from "./format";
import { hatchedRect } from "./hatch";
import { colors, seriesColors } from "./palette";

export interface TrendLine {
  name: string;
  values: (Share | Count | null)[];
  dashed?: boolean;
  /** A colour that keeps its meaning on the page (the agency's, the reference's); else by position. */
  color?: string;
}

/** Height of the hatched "withheld" mark at the foot of a bin: fixed, so it never reads as a value. */
export const WITHHELD_MARK_HEIGHT = 14;

export interface TrendInput {
  /** Bin labels: '2025-Q3' or '2025-07'. */
  bins: string[];
  lines: TrendLine[];
  unit: "share" | "count";
  /** Drill-down per bin (the library for that bin's months). */
  hrefs?: string[];
  description: string;
}

function plotted(value: Share | Count | null, unit: TrendInput["unit"]): number | null {
  if (value === null || isSuppressed(value)) return null;
  if (typeof value === "number") return unit === "count" ? value : null;
  return Math.round(value.share * 1000) / 10;
}

function withheldSeries(input: TrendInput, max: number): CustomSeriesOption {
  const data = input.bins.flatMap((bin, i) => {
    const hidden = input.lines.filter((l) => {
      const v = l.values[i];
      return v !== null && v !== undefined && isSuppressed(v);
    });
    if (hidden.length === 0) return [];
    const why = hidden.map((l) => `${l.name}: ${withheldText(l.values[i] as never)}`).join("<br/>");
    return [{ value: [i, max], name: bin, why }];
  });
  return {
    type: "custom",
    name: "Withheld (privacy)",
    itemStyle: { color: "#9ca3af" },
    // A withheld mark leads nowhere: it must not look clickable.
    cursor: "default",
    encode: { x: 0, y: 1 },
    z: 1,
    data,
    tooltip: {
      formatter: (p) => {
        const d = itemOf<{ name: string; why: string }>(p);
        return `${escapeHtml(d.name)}<br/>${d.why}`;
      },
    },
    renderItem: (_params, api: CustomSeriesRenderItemAPI) => {
      // A short mark on the axis, not a column up to the top: a tall hatched column read as a large
      // value.
      const [x, bottom] = api.coord([api.value(0), 0]) as [number, number];
      const band = (api.size!([1, 0]) as number[])[0]!;
      const width = Math.max(4, Math.min(28, band * 0.6));
      return hatchedRect(x - width / 2, bottom - WITHHELD_MARK_HEIGHT, width, WITHHELD_MARK_HEIGHT);
    },
  };
}

export function trendOption(input: TrendInput): EChartsOption {
  return responsive(trendBase(input), { grid: { top: 64 }, legend: { itemGap: 6 } });
}

function trendBase(input: TrendInput): EChartsOption {
  const values = input.lines.map((l) => l.values.map((v) => plotted(v, input.unit)));
  const top = Math.max(input.unit === "share" ? 5 : 10, ...values.flat().filter((v): v is number => v !== null));
  const step = input.unit === "share" ? (top > 40 ? 10 : 5) : 10 ** Math.max(0, Math.floor(Math.log10(top)) - 0);
  const max = Math.ceil((top * 1.1) / step) * step;
  const lines: LineSeriesOption[] = input.lines.map((l, i) => ({
    type: "line",
    name: l.name,
    connectNulls: false,
    showSymbol: true,
    symbolSize: 6,
    z: 3,
    lineStyle: { width: 2, type: l.dashed ? "dashed" : "solid", color: l.color ?? seriesColors[i] },
    itemStyle: { color: l.color ?? seriesColors[i] },
    data: values[i]!.map((v, j) => ({ value: v, href: input.hrefs?.[j] })),
  }));
  const withheld = input.lines.some((l) => l.values.some((v) => v !== null && isSuppressed(v)));
  return {
    ...baseOption(input.description),
    legend: { top: 0, left: 0, type: "plain" },
    grid: gridWithin({ left: 8, right: 16, top: 40, bottom: 8 }),
    tooltip: {
      ...baseOption("").tooltip,
      trigger: "axis",
      valueFormatter: (v) =>
        v === null || v === undefined || v === "-" ? "withheld / none" : input.unit === "share" ? `${v}%` : String(v),
    },
    xAxis: { type: "category", data: input.bins, axisLabel: { hideOverlap: true }, axisTick: { alignWithLabel: true } },
    yAxis: {
      type: "value",
      min: 0,
      max,
      name: input.unit === "share" ? "Share of reports (%)" : "Reports",
      nameTextStyle: { align: "left" },
      axisLabel: { formatter: input.unit === "share" ? "{value}%" : "{value}" },
      splitLine: { lineStyle: { color: colors.line } },
    },
    series: withheld ? [withheldSeries(input, max), ...lines] : lines,
  };
}
