// Shares of reports for several groups (census regions) per item (factor), as grouped horizontal bars.
// For public figures only: national figures over published fields are never withheld. Pure.
import type { BarSeriesOption, EChartsOption } from "echarts";
import { isSuppressed, type Share } from "../../domain/figures";
import { baseOption, gridWithin, responsive } from "./common";
import { shorten } from "./format";
import { colors, seriesColors } from "./palette";

export interface GroupedBarsInput {
  items: { label: string }[];
  groups: { name: string; shares: (Share | null)[]; hrefs?: (string | undefined)[] }[];
  description: string;
}

export function groupedBarsHeight(items: number, groups: number): number {
  return Math.max(200, items * (groups * 9 + 14) + 80);
}

export function groupedBarsOption(input: GroupedBarsInput): EChartsOption {
  return responsive(groupedBarsBase(input), {
    grid: { top: 56 },
    xAxis: { splitNumber: 3 },
    yAxis: { axisLabel: { width: 120, overflow: "truncate", fontSize: 11 } },
  });
}

function groupedBarsBase(input: GroupedBarsInput): EChartsOption {
  const series: BarSeriesOption[] = input.groups.map((g, i) => ({
    type: "bar",
    name: g.name,
    itemStyle: { color: seriesColors[i % seriesColors.length] },
    data: g.shares.map((s, j) => ({
      // A missing or withheld share is no bar (the table says which); public figures are never withheld.
      value: s && !isSuppressed(s) ? Math.round(s.share * 1000) / 10 : null,
      href: g.hrefs?.[j],
    })) as never,
  }));
  return {
    ...baseOption(input.description),
    legend: { top: 0, left: 0 },
    grid: gridWithin({ left: 8, right: 16, top: 32, bottom: 8 }),
    tooltip: {
      ...baseOption("").tooltip,
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v) => (typeof v === "number" ? `${v}%` : "—"),
    },
    xAxis: {
      type: "value",
      min: 0,
      name: "Share of reports (%)",
      nameLocation: "middle",
      nameGap: 24,
      axisLabel: { formatter: "{value}%" },
      splitLine: { lineStyle: { color: colors.line } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: input.items.map((i) => shorten(i.label, 30)),
      axisTick: { show: false },
    },
    series,
  };
}
