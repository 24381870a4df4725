import { describe, expect, it } from "vitest";
import { suppressed } from "../../domain/figures";
import { baseOf } from "./common";
import { DIFFERENCE_NAME, periodComparisonOption } from "./period-comparison";
import { renderChartSvg } from "./render-svg";
import { seriesOf, share } from "./test-figures";

// Two periods' shares side by side, and the difference A − B on its own axis around zero: a withheld
// difference is a hatched tag with its reason, never a mark at zero.

const option = periodComparisonOption({
  aLabel: "A: 2025-01 to 2025-12",
  bLabel: "B: 2024-01 to 2024-12",
  description: "test",
  rows: [
    {
      key: "radio",
      label: "Radio failure",
      a: share(0.2, 0.15, 0.26),
      b: share(0.1, 0.07, 0.14),
      difference: { difference: 0.1, lower: 0.03, upper: 0.165 },
      href: "/reports?factor=radio",
    },
    {
      key: "lapse",
      label: "Lapse",
      a: suppressed("below_k"),
      b: share(0.05, 0.03, 0.08),
      difference: suppressed("derived"),
    },
    {
      key: "weather",
      label: "Weather",
      a: share(0.05, 0.03, 0.08),
      b: share(0.06, 0.04, 0.09),
      difference: { difference: -0.01, lower: -0.04, upper: 0.025 },
    },
  ],
});

describe("period comparison (national factor profile, two periods)", () => {
  it("draws each period's shares as dots with intervals and the difference in points on a second axis", () => {
    const [a, b] = seriesOf(option);
    const difference = seriesOf(option).find((s) => s.name === DIFFERENCE_NAME);
    expect(a).toMatchObject({ type: "custom", name: "A: 2025-01 to 2025-12" });
    expect(b).toMatchObject({ type: "custom", name: "B: 2024-01 to 2024-12" });
    expect((a!.data as { value: number[] }[]).map((d) => d.value[1])).toEqual([0, 2]);
    expect(difference).toMatchObject({ type: "custom", name: DIFFERENCE_NAME, xAxisIndex: 1 });
    expect((difference!.data as { value: number[] }[]).map((d) => d.value.map((v) => Number(v.toFixed(6))))).toEqual([
      [10, 0, 3, 16.5],
      [-1, 2, -4, 2.5],
    ]);
  });

  it("puts the difference on a symmetric axis around zero, the factors on both category axes", () => {
    const base = baseOf(option);
    const [shares, diff] = base.xAxis as { min?: number; max?: number; name?: string }[];
    expect(shares).toMatchObject({ min: 0, name: "Share of reports (%)" });
    expect(diff).toMatchObject({ min: -20, max: 20, name: "Difference (points)" });
    const [left, right] = base.yAxis as { data: string[]; gridIndex?: number }[];
    expect(left!.data).toEqual(["Radio failure", "Lapse", "Weather"]);
    expect(right).toMatchObject({ gridIndex: 1, data: ["Radio failure", "Lapse", "Weather"] });
  });

  it("draws a withheld difference as a tag with the reason and no value", () => {
    const withheld = seriesOf(option).find((s) => s.name === "Withheld difference (privacy)")!;
    expect(withheld.data).toEqual([
      { value: [-20, 1], name: "Lapse", reason: "withheld — based on a withheld figure" },
    ]);
  });

  it("renders headless to SVG", () => {
    const svg = renderChartSvg(option, 720, 200, "pc");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("Difference (points)");
    expect(svg).toContain("withheld");
  });
});
