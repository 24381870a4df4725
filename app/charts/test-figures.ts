// Shared by the chart builders' tests: a share with its interval, and the series an option draws.
import type { EChartsOption } from "echarts";
import { baseOf } from "./common";

export const share = (s: number, lower: number, upper: number) => ({ share: s, lower, upper });

export type AnySeries = { type?: string; name?: string; data?: unknown[]; xAxisIndex?: number };

export const seriesOf = (option: EChartsOption) => baseOf(option).series as AnySeries[];
