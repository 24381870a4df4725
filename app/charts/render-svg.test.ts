import type { EChartsOption } from "echarts";
import { describe, expect, it } from "vitest";
import { renderChartSvg } from "./render-svg";

// The SSR cache must only ever return the drawing of exactly the same input: data, size, id prefix and
// the option's functions (a custom series draws whatever its renderItem says).
function customOption(values: number[], shape: "circle" | "rect"): EChartsOption {
  return {
    animation: false,
    xAxis: { type: "value", min: 0, max: 10 },
    yAxis: { type: "value", min: 0, max: 10 },
    series: [
      {
        type: "custom",
        data: values.map((v) => [v, v]),
        renderItem:
          shape === "circle"
            ? (_p, api) => ({
                type: "circle",
                shape: { cx: (api.coord([api.value(0), api.value(1)]) as number[])[0]!, cy: 10, r: 4 },
              })
            : (_p, api) => ({
                type: "rect",
                shape: { x: (api.coord([api.value(0), api.value(1)]) as number[])[0]!, y: 10, width: 6, height: 6 },
              }),
      },
    ],
  };
}

describe("renderChartSvg cache", () => {
  it("returns the same drawing for the same input, another when data, size, prefix or a function differ", () => {
    const a = renderChartSvg(customOption([1, 2], "circle"), 300, 200, "p1");
    expect(renderChartSvg(customOption([1, 2], "circle"), 300, 200, "p1")).toBe(a);
    expect(renderChartSvg(customOption([1, 3], "circle"), 300, 200, "p1")).not.toBe(a);
    expect(renderChartSvg(customOption([1, 2], "circle"), 301, 200, "p1")).not.toBe(a);
    expect(renderChartSvg(customOption([1, 2], "circle"), 300, 200, "p2")).not.toBe(a);
    const rect = renderChartSvg(customOption([1, 2], "rect"), 300, 200, "p1");
    expect(rect).not.toBe(a);
    expect(rect).toContain("<path"); // drawn, not an empty frame
  });
});
