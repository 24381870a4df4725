// A figure with its 95% interval drawn as a whisker and a mark on the point: the share comparison's dots
// and the period comparison's differences. Pure: (data) → series.
import type { CustomSeriesOption, CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from "echarts";
import { escapeHtml } from "./common";

export interface Interval {
  point: number;
  lower: number;
  upper: number;
}

interface IntervalRow {
  label: string;
  href?: string;
}

/** Each row's interval as series data `[point, row, lower, upper]` in percent; rows without one are left out. */
export function intervalData<R extends IntervalRow>(rows: readonly R[], pick: (row: R) => Interval | null) {
  return rows.flatMap((r, index) => {
    const f = pick(r);
    return f ? [{ value: [f.point * 100, index, f.lower * 100, f.upper * 100], name: r.label, href: r.href }] : [];
  });
}

interface IntervalSeriesSpec {
  name: string;
  color: string;
  data: ReturnType<typeof intervalData>;
  /** The tooltip's line under the row label, from `[point, row, lower, upper]`. */
  describe: (v: number[]) => string;
  /** The mark on the point, centred at (x, y). */
  marker: (x: number, y: number) => object;
  /** Vertical offset of the whisker within its row (two populations share a row). */
  offset?: (api: CustomSeriesRenderItemAPI) => number;
}

export function intervalSeries(spec: IntervalSeriesSpec): CustomSeriesOption {
  return {
    type: "custom",
    name: spec.name,
    itemStyle: { color: spec.color },
    encode: { x: [0, 2, 3], y: 1 },
    data: spec.data,
    tooltip: {
      formatter: (p) =>
        `${escapeHtml((p as { name: string }).name)}<br/>${spec.describe((p as { value: number[] }).value)}`,
    },
    renderItem: (_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const dy = spec.offset?.(api) ?? 0;
      const [x, y] = api.coord([api.value(0), api.value(1)]) as [number, number];
      const [lo] = api.coord([api.value(2), api.value(1)]) as [number, number];
      const [hi] = api.coord([api.value(3), api.value(1)]) as [number, number];
      const yy = y + dy;
      const stroke = { stroke: spec.color, lineWidth: 2 };
      return {
        type: "group",
        children: [
          { type: "line", shape: { x1: lo, y1: yy, x2: hi, y2: yy }, style: stroke },
          { type: "line", shape: { x1: lo, y1: yy - 4, x2: lo, y2: yy + 4 }, style: stroke },
          { type: "line", shape: { x1: hi, y1: yy - 4, x2: hi, y2: yy + 4 }, style: stroke },
          spec.marker(x, yy) as never,
        ],
      };
    },
  };
}
