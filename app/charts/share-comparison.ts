// Shares of reports for two populations side by side, each as a dot with its 95% interval (a forest
// plot): the agency against the nation excluding it, the nation against peers, a loss-potential mix.
// A withheld share is a hatched band marked "withheld", never a dot at zero. Pure: (data) → option.
import type {
  CustomSeriesOption,
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  EChartsOption,
} from "echarts";
import { isSuppressed, type Share } from "../../domain/figures";
import { baseOption, escapeHtml, gridWithin, itemOf, responsive } from "./common";
import { shareText } from "./format";
import { hatchedRect } from "./hatch";
import { intervalData, intervalSeries } from "./interval-series";
import { colors, WITHHELD_TEXT } from "./palette";

export interface ShareRow {
  key: string;
  label: string;
  a: Share | null;
  b: Share | null;
  /** Flagged by the PRR rule (drawn with a marker in the axis label). */
  flagged?: boolean;
  /** Drill-down target for a click on the row's dots. */
  href?: string;
}

export interface ShareComparisonInput {
  rows: ShareRow[];
  aLabel: string;
  bLabel: string | null;
  description: string;
  /** Colours keep their meaning across a page: the agency's side and the reference's. */
  aColor?: string;
  bColor?: string;
}

export const FLAG_MARK = "▲";
const ROW_HEIGHT = 30;
/** Width of the hatched "withheld" tag, in pixels: fixed, so its size says nothing about the value. */
export const WITHHELD_TAG_WIDTH = 52;
/** Width of the factor labels: long labels wrap onto a second line instead of being cut. */
export const LABEL_WIDTH = 190;

/** Height that gives each row room for two dots and their intervals. */
export function shareComparisonHeight(rows: number): number {
  return Math.max(160, rows * ROW_HEIGHT + 80);
}

type Side = "a" | "b";

function axisMax(rows: ShareRow[]): number {
  const uppers = rows
    .flatMap((r) => [r.a, r.b])
    .filter((s): s is Exclude<Share, { suppressed: true }> => s !== null && !isSuppressed(s))
    .map((s) => s.upper);
  const top = Math.max(0.05, ...uppers) * 100;
  const step = top > 40 ? 10 : 5;
  return Math.min(100, Math.ceil(top / step) * step);
}

/** Vertical offset of a side within its row: A above, B below (both centred when there is no B). */
function offset(api: CustomSeriesRenderItemAPI, side: Side, twoSides: boolean): number {
  const band = (api.size!([0, 1]) as number[])[1]!;
  if (!twoSides) return 0;
  return (side === "a" ? -1 : 1) * band * 0.2;
}

function dotSeries(input: ShareComparisonInput, side: Side, color: string): CustomSeriesOption {
  const twoSides = input.bLabel !== null;
  const name = side === "a" ? input.aLabel : input.bLabel!;
  return intervalSeries({
    name,
    color,
    data: intervalData(input.rows, (r) => {
      const s = r[side];
      return s === null || isSuppressed(s) ? null : { point: s.share, lower: s.lower, upper: s.upper };
    }),
    describe: (v) =>
      `${escapeHtml(name)}: <b>${v[0]!.toFixed(1)}%</b> (95% interval ${v[2]!.toFixed(1)}–${v[3]!.toFixed(1)}%)`,
    offset: (api) => offset(api, side, twoSides),
    marker: (x, y) =>
      side === "a"
        ? { type: "circle", shape: { cx: x, cy: y, r: 5 }, style: { fill: color, stroke: "#fff", lineWidth: 1 } }
        : {
            type: "rect",
            shape: { x: x - 4.5, y: y - 4.5, width: 9, height: 9 },
            rotation: Math.PI / 4,
            originX: x,
            originY: y,
            style: { fill: color, stroke: "#fff", lineWidth: 1 },
          },
  });
}

function withheldSeries(input: ShareComparisonInput, max: number): CustomSeriesOption {
  const twoSides = input.bLabel !== null;
  const data = input.rows.flatMap((r, index) =>
    (["a", "b"] as const).flatMap((side) => {
      const s = r[side];
      if (s === null || !isSuppressed(s)) return [];
      // A short tag at the start of the axis, the same size whatever is hidden: a full-width band read as
      // a large value.
      return [
        {
          value: [0, index, max, side === "a" ? 0 : 1],
          name: r.label,
          reason: shareText(s),
          side: side === "a" ? input.aLabel : input.bLabel,
        },
      ];
    }),
  );
  return {
    type: "custom",
    name: "Withheld (privacy)",
    itemStyle: { color: "#9ca3af" },
    // A withheld mark leads nowhere: it must not look clickable.
    cursor: "default",
    encode: { x: [0, 2], y: 1 },
    data,
    tooltip: {
      formatter: (p) => {
        const d = itemOf<{ name: string; reason: string; side: string }>(p);
        return `${escapeHtml(d.name)}<br/>${escapeHtml(d.side)}: ${escapeHtml(d.reason)}`;
      },
    },
    renderItem: (_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const side: Side = api.value(3) === 0 ? "a" : "b";
      const dy = offset(api, side, twoSides);
      const [x0, y] = api.coord([api.value(0), api.value(1)]) as [number, number];
      const h = twoSides ? 11 : 13;
      const rect = hatchedRect(x0, y + dy - h / 2, WITHHELD_TAG_WIDTH, h);
      return {
        type: "group",
        children: [
          ...rect.children,
          {
            type: "text",
            x: x0 + 4,
            y: y + dy,
            silent: true,
            style: {
              text: WITHHELD_TEXT,
              fill: colors.ink,
              fontSize: 10,
              verticalAlign: "middle",
              backgroundColor: "rgba(255,255,255,0.85)",
              padding: [0, 2],
            },
          },
        ],
      };
    },
  };
}

export function shareComparisonOption(input: ShareComparisonInput): EChartsOption {
  return responsive(shareComparisonBase(input), {
    grid: { top: 60 },
    xAxis: { splitNumber: 3 },
    yAxis: { axisLabel: { width: 120, overflow: "truncate", fontSize: 11 } },
  });
}

/** The option without its narrow-screen overrides (the period comparison adds a second grid to it). */
export function shareComparisonBase(input: ShareComparisonInput): EChartsOption {
  const max = axisMax(input.rows);
  const series: CustomSeriesOption[] = [dotSeries(input, "a", input.aColor ?? colors.blue)];
  if (input.bLabel !== null) series.push(dotSeries(input, "b", input.bColor ?? colors.orange));
  if (input.rows.some((r) => (r.a !== null && isSuppressed(r.a)) || (r.b !== null && isSuppressed(r.b))))
    series.push(withheldSeries(input, max));
  return {
    ...baseOption(input.description),
    legend: {
      top: 0,
      left: 0,
      data: series.map((s) => ({
        name: s.name as string,
        icon: s.name === input.aLabel ? "circle" : s.name === input.bLabel ? "diamond" : "rect",
      })),
    },
    grid: gridWithin({ left: 8, right: 24, top: 36, bottom: 8 }),
    tooltip: { ...baseOption("").tooltip, trigger: "item" },
    xAxis: {
      type: "value",
      min: 0,
      max,
      name: "Share of reports (%)",
      nameLocation: "middle",
      nameGap: 22,
      axisLabel: { formatter: "{value}%" },
      splitLine: { lineStyle: { color: colors.line } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: input.rows.map((r) => (r.flagged ? `${FLAG_MARK} ${r.label}` : r.label)),
      axisTick: { show: false },
      axisLabel: { fontSize: 12, color: colors.ink, width: LABEL_WIDTH, overflow: "break", lineHeight: 14 },
    },
    series,
  };
}
