// Funnel plot (Spiegelhalter 2005): each agency's share of reports citing a factor against its number of
// reports, with exact binomial 95% and 99.8% limits around the national share. Dots are anonymous: the
// data has no agency id or name. Pure: (data) → option.
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from "echarts";
import { baseOption, gridWithin, responsive } from "./common";
import { colors } from "./palette";

export interface FunnelInput {
  factorLabel: string;
  nationalShare: number | null;
  curve: { n: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
  points: { n: number; share: number; position: string }[];
  /** Where a click on any dot goes (the factor's national reports; never one agency's). */
  href?: string;
  description: string;
}

const groups: { name: string; positions: string[]; color: string; symbol: string }[] = [
  { name: "Within the limits", positions: ["within"], color: colors.grey, symbol: "circle" },
  { name: "Above (95% / 99.8%)", positions: ["above_95", "above_99_8"], color: colors.vermillion, symbol: "triangle" },
  { name: "Below (95% / 99.8%)", positions: ["below_95", "below_99_8"], color: colors.blue, symbol: "diamond" },
];

export function funnelOption(input: FunnelInput): EChartsOption {
  return responsive(funnelBase(input), { grid: { top: 110 }, legend: { itemGap: 6 } });
}

function funnelBase(input: FunnelInput): EChartsOption {
  const pct = (v: number) => Math.round(v * 10000) / 100;
  const limit = (name: string, key: keyof FunnelInput["curve"][number], dashed: boolean): LineSeriesOption => ({
    type: "line",
    name,
    showSymbol: false,
    silent: true,
    smooth: true,
    lineStyle: { color: colors.ink, width: 1, type: dashed ? "dashed" : "solid" },
    itemStyle: { color: colors.ink },
    data: input.curve.map((c) => [c.n, pct(c[key])]),
  });
  const dots: ScatterSeriesOption[] = groups.map((g) => ({
    type: "scatter",
    name: g.name,
    symbol: g.symbol,
    symbolSize: 7,
    itemStyle: { color: g.color, opacity: 0.8 },
    data: input.points
      .filter((p) => g.positions.includes(p.position))
      .map((p) => ({ value: [p.n, pct(p.share)], href: input.href })),
  }));
  const ns = [...input.points.map((p) => p.n), ...input.curve.map((c) => c.n)];
  // The axis hugs the data (a log axis would otherwise run from one power of ten to the next).
  const xMin = ns.length ? Math.max(1, Math.floor(Math.min(...ns) * 0.9)) : 1;
  const xMax = ns.length ? Math.ceil(Math.max(...ns) * 1.1) : 10;
  const maxShare = Math.max(5, ...input.points.map((p) => pct(p.share)), ...input.curve.map((c) => pct(c.upper998)));
  const national: LineSeriesOption[] =
    input.nationalShare === null || input.curve.length === 0
      ? []
      : [
          {
            type: "line",
            name: "National share",
            showSymbol: false,
            silent: true,
            lineStyle: { color: colors.green, width: 2 },
            itemStyle: { color: colors.green },
            data: [
              [input.curve[0]!.n, pct(input.nationalShare)],
              [input.curve.at(-1)!.n, pct(input.nationalShare)],
            ],
          },
        ];
  return {
    ...baseOption(input.description),
    legend: {
      top: 0,
      left: 0,
      data: [
        ...groups.map((g) => g.name),
        ...(national.length ? ["National share"] : []),
        "99.8% limits",
        "95% limits",
      ],
    },
    grid: gridWithin({ left: 8, right: 16, top: 56, bottom: 8 }),
    tooltip: {
      ...baseOption("").tooltip,
      trigger: "item",
      formatter: (p) => {
        const v = (p as { value: number[] }).value;
        return `An agency: ${v[0]} reports, ${v[1]}% cite ${input.factorLabel.replace(/[<>&]/g, "")}`;
      },
    },
    xAxis: {
      type: "log",
      min: xMin,
      max: xMax,
      name: "Reports in the period (log scale)",
      nameLocation: "middle",
      nameGap: 24,
      splitLine: { lineStyle: { color: colors.line } },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: Math.ceil(maxShare / 5) * 5,
      name: "Share citing the factor (%)",
      nameTextStyle: { align: "left" },
      axisLabel: { formatter: "{value}%" },
      splitLine: { lineStyle: { color: colors.line } },
    },
    series: [
      ...national,
      limit("99.8% limits", "upper998", false),
      { ...limit("99.8% limits", "lower998", false) },
      limit("95% limits", "upper95", true),
      { ...limit("95% limits", "lower95", true) },
      ...dots,
    ],
  };
}
