// Horizontal bars, one per item, largest first: emerging risks (ratio to baseline), factor pairs
// (reports citing both). A withheld value is a hatched bar across the axis marked "withheld". Pure.
import type {
  BarSeriesOption,
  CustomSeriesOption,
  CustomSeriesRenderItemAPI,
  EChartsOption,
  LineSeriesOption,
} from "echarts";
import { type Count, isSuppressed } from "../../domain/figures";
import { baseOption, escapeHtml, gridWithin, itemOf, responsive } from "./common";
import { shorten, withheldText } from "./format";
import { hatchedRect } from "./hatch";
import { colors, WITHHELD_TEXT } from "./palette";

export interface RankedBar {
  label: string;
  value: Count;
  /** Shown after the bar and in the tooltip (e.g. "q = 0.01"). */
  note?: string;
  /** Emphasised bars (significant) are drawn in the strong colour. */
  strong?: boolean;
  href?: string;
}

export interface RankedBarsInput {
  bars: RankedBar[];
  axisName: string;
  /** A reference line (e.g. ratio 1 = no change), with its legend name. */
  baseline?: number;
  baselineLabel?: string;
  strongLabel?: string;
  weakLabel?: string;
  description: string;
}

export function rankedBarsHeight(bars: number): number {
  return Math.max(140, bars * 28 + 70);
}

export function rankedBarsOption(input: RankedBarsInput): EChartsOption {
  const legend = input.bars.some((b) => b.strong) || input.baseline !== undefined;
  return responsive(rankedBarsBase(input), {
    grid: { top: legend ? 60 : 8 },
    xAxis: { splitNumber: 3 },
    yAxis: { axisLabel: { width: 130, overflow: "truncate", fontSize: 11 } },
  });
}

function rankedBarsBase(input: RankedBarsInput): EChartsOption {
  const numbers = input.bars.map((b) => (typeof b.value === "number" ? b.value : 0));
  const max = Math.max(input.baseline ?? 0, ...numbers) * 1.15 || 1;
  const bar = (strong: boolean): BarSeriesOption => ({
    type: "bar",
    name: strong ? (input.strongLabel ?? input.axisName) : (input.weakLabel ?? input.axisName),
    stack: "one",
    barWidth: "60%",
    itemStyle: { color: strong ? colors.vermillion : colors.sky },
    label: { show: true, position: "right", fontSize: 11, formatter: (p) => (p.data as { note?: string }).note ?? "" },
    data: input.bars.map((b) =>
      typeof b.value === "number" && Boolean(b.strong) === strong
        ? { value: Math.round(b.value * 100) / 100, note: b.note, href: b.href }
        : { value: null },
    ) as never,
  });
  const withheld: CustomSeriesOption = {
    type: "custom",
    name: "Withheld (privacy)",
    itemStyle: { color: "#9ca3af" },
    encode: { x: 1, y: 0 },
    data: input.bars.flatMap((b, i) =>
      isSuppressed(b.value) ? [{ value: [i, max], name: b.label, why: withheldText(b.value) }] : [],
    ),
    tooltip: {
      formatter: (p) => {
        const d = itemOf<{ name: string; why: string }>(p);
        return `${escapeHtml(d.name)}<br/>${escapeHtml(d.why)}`;
      },
    },
    renderItem: (_params, api: CustomSeriesRenderItemAPI) => {
      const [x1, y] = api.coord([api.value(1), api.value(0)]) as [number, number];
      const [x0] = api.coord([0, api.value(0)]) as [number, number];
      const band = (api.size!([0, 1]) as number[])[1]!;
      const rect = hatchedRect(x0, y - band * 0.3, x1 - x0, band * 0.6);
      return {
        type: "group",
        children: [
          ...rect.children,
          {
            type: "text",
            x: x0 + 4,
            y,
            silent: true,
            style: { text: WITHHELD_TEXT, fontSize: 10, fill: colors.ink, verticalAlign: "middle" },
          },
        ],
      };
    },
  };
  const hasStrong = input.bars.some((b) => b.strong);
  const hasWeak = input.bars.some((b) => !b.strong);
  const series: (BarSeriesOption | CustomSeriesOption | LineSeriesOption)[] = [];
  if (hasStrong) series.push(bar(true));
  if (hasWeak) series.push(bar(false));
  if (input.bars.some((b) => isSuppressed(b.value))) series.push(withheld);
  if (input.baseline !== undefined && input.bars.length > 0) {
    // A dashed reference line (a line series: ECharts' markLine component would cost the page more script).
    series.push({
      type: "line",
      name: input.baselineLabel ?? `${input.baseline}`,
      silent: true,
      symbol: "none",
      z: 4,
      lineStyle: { color: colors.ink, type: "dashed", width: 1 },
      itemStyle: { color: colors.ink },
      data: [
        [input.baseline, 0],
        [input.baseline, input.bars.length - 1],
      ],
    } as LineSeriesOption);
  }
  return {
    ...baseOption(input.description),
    legend: hasStrong || input.baseline !== undefined ? { top: 0, left: 0 } : undefined,
    grid: gridWithin({ left: 8, right: 56, top: hasStrong || input.baseline !== undefined ? 32 : 8, bottom: 8 }),
    tooltip: {
      ...baseOption("").tooltip,
      trigger: "item",
      formatter: (p) => {
        const d = p as { name: string; value: number; data: { note?: string } };
        return (
          `${escapeHtml(d.name)}<br/>${input.axisName}: ` +
          `<b>${d.value}</b>${d.data.note ? ` (${escapeHtml(d.data.note)})` : ""}`
        );
      },
    },
    xAxis: {
      type: "value",
      min: 0,
      max: Math.ceil(max * 10) / 10,
      name: input.axisName,
      nameLocation: "middle",
      nameGap: 24,
      splitLine: { lineStyle: { color: colors.line } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: input.bars.map((b) => shorten(b.label, 40)),
      axisTick: { show: false },
      axisLabel: { fontSize: 12 },
    },
    series,
  };
}
