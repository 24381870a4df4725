// One population's factor shares in two periods side by side: on the left each period's share as a dot
// with its 95% interval (the share comparison), on the right the difference A − B in percentage points
// with its interval around a zero line. A withheld difference is a hatched tag, never a dot at zero.
// Pure: (data) → option.
import type {
  CustomSeriesOption,
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  EChartsOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from "echarts";
import { isSuppressed, type Share, type Suppressed } from "../../domain/figures";
import { escapeHtml, gridWithin, itemOf, responsive } from "./common";
import { withheldText } from "./format";
import { hatchedRect } from "./hatch";
import { intervalData, intervalSeries } from "./interval-series";
import { colors, WITHHELD_TEXT } from "./palette";
import { shareComparisonBase, WITHHELD_TAG_WIDTH } from "./share-comparison";

export interface DifferenceFigure {
  difference: number;
  lower: number;
  upper: number;
}

export interface PeriodRow {
  key: string;
  label: string;
  a: Share | null;
  b: Share | null;
  difference: DifferenceFigure | Suppressed | null;
  href?: string;
}

export interface PeriodComparisonInput {
  rows: PeriodRow[];
  aLabel: string;
  bLabel: string;
  description: string;
}

export const DIFFERENCE_NAME = "Difference (A − B)";
/** Where the difference grid starts, as a share of the width: the shares keep the larger part. */
const SPLIT = 0.64;

const pp = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(1)}`;

/** A symmetric axis around zero, in percentage points, in steps of 1, 2, 5 or 10. */
function differenceMax(rows: PeriodRow[]): number {
  const ends = rows.flatMap((r) =>
    r.difference && !isSuppressed(r.difference) ? [Math.abs(r.difference.lower), Math.abs(r.difference.upper)] : [],
  );
  const top = Math.max(0.01, ...ends) * 100;
  const step = top > 20 ? 10 : top > 8 ? 5 : top > 4 ? 2 : 1;
  return Math.ceil(top / step) * step;
}

function differenceSeries(input: PeriodComparisonInput): CustomSeriesOption {
  return {
    ...intervalSeries({
      name: DIFFERENCE_NAME,
      color: colors.ink,
      data: intervalData(input.rows, (r) => {
        const d = r.difference;
        return d === null || isSuppressed(d) ? null : { point: d.difference, lower: d.lower, upper: d.upper };
      }),
      describe: (v) =>
        `${escapeHtml(input.aLabel)} − ${escapeHtml(input.bLabel)}: <b>${pp(v[0]!)} points</b> ` +
        `(95% interval ${pp(v[2]!)} to ${pp(v[3]!)})`,
      marker: (x, y) => ({
        type: "rect",
        shape: { x: x - 4, y: y - 4, width: 8, height: 8 },
        style: { fill: colors.ink, stroke: "#fff", lineWidth: 1 },
      }),
    }),
    xAxisIndex: 1,
    yAxisIndex: 1,
    // The zero line: a difference whose interval crosses it is one chance would easily explain.
    markLine: {
      silent: true,
      symbol: "none",
      label: { show: false },
      lineStyle: { color: colors.grey, type: "dashed" },
      data: [{ xAxis: 0 }],
    },
  };
}

function withheldDifferenceSeries(input: PeriodComparisonInput, max: number): CustomSeriesOption {
  const data = input.rows.flatMap((r, index) => {
    const d = r.difference;
    if (d === null || !isSuppressed(d)) return [];
    return [{ value: [-max, index], name: r.label, reason: withheldText(d) }];
  });
  return {
    type: "custom",
    name: "Withheld difference (privacy)",
    xAxisIndex: 1,
    yAxisIndex: 1,
    itemStyle: { color: "#9ca3af" },
    cursor: "default",
    encode: { x: 0, y: 1 },
    data,
    tooltip: {
      formatter: (p) => {
        const d = itemOf<{ name: string; reason: string }>(p);
        return `${escapeHtml(d.name)}<br/>${escapeHtml(d.reason)}`;
      },
    },
    renderItem: (_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const [x0, y] = api.coord([api.value(0), api.value(1)]) as [number, number];
      const rect = hatchedRect(x0, y - 6, WITHHELD_TAG_WIDTH, 12);
      return {
        type: "group",
        children: [
          ...rect.children,
          {
            type: "text",
            x: x0 + 4,
            y,
            silent: true,
            style: { text: WITHHELD_TEXT, fill: colors.ink, fontSize: 10, verticalAlign: "middle" },
          },
        ],
      };
    },
  };
}

export function periodComparisonOption(input: PeriodComparisonInput): EChartsOption {
  const shares = shareComparisonBase({
    rows: input.rows.map((r) => ({ key: r.key, label: r.label, a: r.a, b: r.b, href: r.href })),
    aLabel: input.aLabel,
    bLabel: input.bLabel,
    description: input.description,
  });
  const max = differenceMax(input.rows);
  const shareY = shares.yAxis as YAXisComponentOption;
  const series = [...(shares.series as CustomSeriesOption[]), differenceSeries(input)];
  if (input.rows.some((r) => r.difference !== null && isSuppressed(r.difference)))
    series.push(withheldDifferenceSeries(input, max));
  const base: EChartsOption = {
    ...shares,
    legend: {
      ...(shares.legend as object),
      data: [...(shares.legend as { data: unknown[] }).data, { name: DIFFERENCE_NAME, icon: "rect" }],
    } as EChartsOption["legend"],
    grid: [
      gridWithin({ left: 8, right: `${Math.round((1 - SPLIT) * 100) + 2}%`, top: 36, bottom: 8 }),
      gridWithin({ left: `${Math.round(SPLIT * 100)}%`, right: 16, top: 36, bottom: 8 }),
    ],
    xAxis: [
      shares.xAxis as XAXisComponentOption,
      {
        type: "value",
        gridIndex: 1,
        min: -max,
        max,
        name: "Difference (points)",
        nameLocation: "middle",
        nameGap: 22,
        axisLabel: { formatter: (v: number) => (v === 0 ? "0" : `${v > 0 ? "+" : "−"}${Math.abs(v)}`) },
        splitLine: { lineStyle: { color: colors.line } },
      },
    ],
    yAxis: [
      shareY,
      {
        ...(shareY as object),
        gridIndex: 1,
        axisLabel: { show: false },
        axisLine: { show: false },
      } as YAXisComponentOption,
    ],
    series,
  };
  return responsive(base, {
    grid: [
      { top: 60, right: "42%" },
      { top: 60, left: "60%" },
    ],
    xAxis: [{ splitNumber: 2 }, { splitNumber: 2 }],
    yAxis: [{ axisLabel: { width: 100, overflow: "truncate", fontSize: 11 } }, {}],
  } as EChartsOption);
}
