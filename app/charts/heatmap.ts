// Incident type × factor: each cell coloured by the share of that incident type's reports citing the
// factor (sequential blues), labelled with the share; a withheld cell is hatched and says so. Drawn with
// a custom series (ECharts' heatmap needs a visual map and cannot hatch). Pure: (data) → option.
import type { CustomSeriesRenderItemAPI, EChartsOption } from "echarts";
import { type Count, isSuppressed, type Share } from "../../domain/figures";
import { baseOption, escapeHtml, gridWithin, itemOf } from "./common";
import { countText, shareText, shorten } from "./format";
import { hatchedRect } from "./hatch";
import { colors, sequentialColor, textOn, WITHHELD_TEXT } from "./palette";

export interface HeatmapInput {
  rows: { label: string }[];
  columns: { label: string }[];
  /** cells[row][column] */
  cells: { count: Count; share: Share | null; href?: string }[][];
  description: string;
}

export const HEATMAP_ROW_HEIGHT = 30;

export function heatmapHeight(rows: number): number {
  return Math.max(180, rows * HEATMAP_ROW_HEIGHT + 150);
}

export function heatmapOption(input: HeatmapInput): EChartsOption {
  const shares = input.cells.flat().map((c) => (c.share && !isSuppressed(c.share) ? c.share.share : 0));
  const max = Math.max(0.0001, ...shares);
  const data = input.cells.flatMap((row, r) =>
    row.map((cell, c) => {
      const hidden = isSuppressed(cell.count) || (cell.share !== null && isSuppressed(cell.share));
      const share = !hidden && cell.share && !isSuppressed(cell.share) ? cell.share.share : null;
      return {
        value: [c, r, hidden ? -1 : (share ?? 0)],
        name: `${input.rows[r]!.label} × ${input.columns[c]!.label}`,
        tip: hidden
          ? shareText(isSuppressed(cell.count) ? (cell.count as never) : cell.share)
          : `${shareText(cell.share)} of the incident type's reports (${countText(cell.count)})`,
        href: hidden ? undefined : cell.href,
      };
    }),
  );
  return {
    ...baseOption(input.description),
    grid: gridWithin({ left: 8, right: 8, top: 8, bottom: 8 }),
    tooltip: {
      ...baseOption("").tooltip,
      trigger: "item",
      formatter: (p) => {
        const d = itemOf<{ name: string; tip: string }>(p);
        return `${escapeHtml(d.name)}<br/>${escapeHtml(d.tip)}`;
      },
    },
    xAxis: {
      type: "category",
      position: "top",
      data: input.columns.map((c) => shorten(c.label, 22)),
      axisLabel: { rotate: 40, interval: 0, fontSize: 11 },
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: input.rows.map((r) => shorten(r.label, 30)),
      axisTick: { show: false },
      axisLabel: { fontSize: 12, width: 170, overflow: "truncate" },
    },
    series: [
      {
        type: "custom",
        name: "Share of the incident type's reports",
        encode: { x: 0, y: 1 },
        data,
        renderItem: (_params, api: CustomSeriesRenderItemAPI) => {
          const [cx, cy] = api.coord([api.value(0), api.value(1)]) as [number, number];
          const [w, h] = api.size!([1, 1]) as [number, number];
          const x = cx - w / 2 + 1;
          const y = cy - h / 2 + 1;
          const value = api.value(2) as number;
          if (value < 0) {
            const rect = hatchedRect(x, y, w - 2, h - 2);
            return {
              type: "group",
              children: [
                ...rect.children,
                {
                  type: "text",
                  x: cx,
                  y: cy,
                  silent: true,
                  style: {
                    text: WITHHELD_TEXT,
                    fontSize: 9,
                    fill: colors.ink,
                    align: "center",
                    verticalAlign: "middle",
                  },
                },
              ],
            };
          }
          const fill = sequentialColor(value, max);
          return {
            type: "group",
            children: [
              { type: "rect", shape: { x, y, width: w - 2, height: h - 2 }, style: { fill, stroke: "#fff" } },
              {
                type: "text",
                x: cx,
                y: cy,
                silent: true,
                style: {
                  text: `${Math.round(value * 100)}%`,
                  fontSize: 11,
                  fill: textOn(fill),
                  align: "center",
                  verticalAlign: "middle",
                },
              },
            ],
          };
        },
      },
    ],
  };
}
