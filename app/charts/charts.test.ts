import { describe, expect, it } from "vitest";
import { suppressed } from "../../domain/figures";
import { baseOf } from "./common";
import { funnelOption } from "./funnel";
import { groupedBarsOption } from "./grouped-bars";
import { hatchSegments } from "./hatch";
import { heatmapOption } from "./heatmap";
import { rankedBarsOption } from "./ranked-bars";
import { renderChartSvg } from "./render-svg";
import { seriesOf, share } from "./test-figures";
import { FLAG_MARK, shareComparisonOption } from "./share-comparison";
import { trendOption } from "./trend-lines";

// Builders are pure: (data) → option. Each is checked for its series and axes, for how a withheld
// figure is drawn (a hatched mark saying "withheld", never a value of zero), and drawn headless to SVG.

const numbersIn = (value: unknown): number[] =>
  JSON.stringify(value)
    .match(/-?\d+(\.\d+)?/g)
    ?.map(Number) ?? [];

describe("share comparison (factor profile, loss mix)", () => {
  const option = shareComparisonOption({
    aLabel: "Your agency",
    bLabel: "National, excluding your agency",
    description: "test",
    rows: [
      {
        key: "radio",
        label: "Radio failure",
        a: share(0.105, 0.07, 0.156),
        b: share(0.05, 0.046, 0.055),
        flagged: true,
        href: "/reports?factor=radio",
      },
      {
        key: "lapse",
        label: "Lapse in situational awareness",
        a: suppressed("below_k"),
        b: suppressed("complementary"),
      },
      { key: "weather", label: "Weather", a: share(0.126, 0.086, 0.18), b: null },
    ],
  });
  const base = baseOf(option);

  it("draws one dot-and-interval series per population, in percent, with the drill-down link", () => {
    const [a, b] = seriesOf(option);
    expect(a).toMatchObject({ type: "custom", name: "Your agency" });
    expect(b).toMatchObject({ type: "custom", name: "National, excluding your agency" });
    expect(a!.data).toEqual([
      { value: [10.5, 0, 7.000000000000001, 15.6], name: "Radio failure", href: "/reports?factor=radio" },
      { value: [12.6, 2, 8.6, 18], name: "Weather", href: undefined },
    ]);
    expect((b!.data as { value: number[] }[]).map((d) => d.value[1])).toEqual([0]);
  });

  it("puts factors on a category axis (flagged ones marked) and shares on a 0–max % axis", () => {
    expect(base.yAxis).toMatchObject({
      type: "category",
      inverse: true,
      data: [`${FLAG_MARK} Radio failure`, "Lapse in situational awareness", "Weather"],
    });
    expect(base.xAxis).toMatchObject({ type: "value", min: 0, max: 20, name: "Share of reports (%)" });
  });

  it("draws a withheld share as a short fixed-width hatched tag per side, with the reason and no value", () => {
    const withheld = seriesOf(option).find((s) => s.name === "Withheld (privacy)")!;
    expect(withheld.data).toEqual([
      {
        value: [0, 1, 20, 0],
        name: "Lapse in situational awareness",
        reason: "withheld — fewer than k reports",
        side: "Your agency",
      },
      {
        value: [0, 1, 20, 1],
        name: "Lapse in situational awareness",
        reason: "withheld — withheld to protect another figure",
        side: "National, excluding your agency",
      },
    ]);
  });

  it("leaves the withheld series out when nothing is withheld", () => {
    const plain = shareComparisonOption({
      aLabel: "National",
      bLabel: null,
      description: "",
      rows: [{ key: "x", label: "X", a: share(0.2, 0.1, 0.3), b: null }],
    });
    expect(seriesOf(plain).map((s) => s.name)).toEqual(["National"]);
  });

  it("renders headless to SVG without <style> elements, showing the withheld mark", () => {
    const svg = renderChartSvg(option, 640, 240, "t1");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toContain("<style");
    expect(svg).not.toMatch(/zr\d+-/);
    expect(svg).toContain(">withheld<");
    expect(svg).toContain("Radio failure");
  });
});

describe("trend lines", () => {
  const option = trendOption({
    bins: ["2025-Q1", "2025-Q2", "2025-Q3"],
    unit: "share",
    hrefs: ["/a", "/b", "/c"],
    lines: [
      { name: "Your agency", values: [share(0.1, 0.05, 0.2), suppressed("below_k"), null] },
      {
        name: "National (all reports)",
        values: [share(0.05, 0.04, 0.06), share(0.06, 0.05, 0.07), share(0.07, 0.06, 0.08)],
        dashed: true,
      },
    ],
    description: "test",
  });

  it("has a quarter category axis, a % value axis and one line per population", () => {
    const base = baseOf(option);
    expect(base.xAxis).toMatchObject({ type: "category", data: ["2025-Q1", "2025-Q2", "2025-Q3"] });
    expect(base.yAxis).toMatchObject({ type: "value", min: 0, name: "Share of reports (%)" });
    const lines = seriesOf(option).filter((s) => s.type === "line");
    expect(lines.map((l) => l.name)).toEqual(["Your agency", "National (all reports)"]);
    expect(lines[0]!.data).toEqual([
      { value: 10, href: "/a" },
      { value: null, href: "/b" },
      { value: null, href: "/c" },
    ]);
    expect(lines[1]!.data).toEqual([
      { value: 5, href: "/a" },
      { value: 6, href: "/b" },
      { value: 7, href: "/c" },
    ]);
  });

  it("draws a withheld point as a gap with a hatched column, never as zero", () => {
    const withheld = seriesOf(option).find((s) => s.name === "Withheld (privacy)")!;
    expect(withheld.type).toBe("custom");
    expect(withheld.data).toEqual([
      { value: [1, expect.any(Number)], name: "2025-Q2", why: "Your agency: withheld — fewer than k reports" },
    ]);
    const agency = seriesOf(option).find((s) => s.name === "Your agency")!;
    expect((agency.data as { value: number | null }[]).some((d) => d.value === 0)).toBe(false);
  });

  it("plots counts as they are", () => {
    const counts = trendOption({
      bins: ["2025-01", "2025-02"],
      unit: "count",
      lines: [{ name: "National", values: [120, 95] }],
      description: "",
    });
    expect(seriesOf(counts)[0]!.data).toEqual([
      { value: 120, href: undefined },
      { value: 95, href: undefined },
    ]);
    expect(baseOf(counts).yAxis).toMatchObject({ name: "Reports" });
  });

  it("renders headless to SVG", () => {
    const svg = renderChartSvg(option, 600, 260);
    expect(svg).toContain("2025-Q2");
    expect(svg).not.toContain("<style");
  });
});

describe("heatmap", () => {
  const option = heatmapOption({
    rows: [{ label: "Traffic stop" }, { label: "Foot pursuit" }],
    columns: [{ label: "Low light" }, { label: "Weather" }],
    cells: [
      [
        { count: 40, share: share(0.4, 0.3, 0.5), href: "/x" },
        { count: 0, share: share(0, 0, 0.04) },
      ],
      [
        { count: suppressed("below_k"), share: suppressed("derived") },
        { count: 12, share: share(0.2, 0.1, 0.3) },
      ],
    ],
    description: "test",
  });

  it("puts factors across and incident types down, one cell per pair, withheld cells marked −1 without a link", () => {
    const base = baseOf(option);
    expect(base.xAxis).toMatchObject({ type: "category", data: ["Low light", "Weather"] });
    expect(base.yAxis).toMatchObject({ type: "category", data: ["Traffic stop", "Foot pursuit"] });
    const data = seriesOf(option)[0]!.data as { value: number[]; href?: string; tip: string }[];
    expect(data.map((d) => d.value)).toEqual([
      [0, 0, 0.4],
      [1, 0, 0],
      [0, 1, -1],
      [1, 1, 0.2],
    ]);
    expect(data[2]).toMatchObject({ href: undefined, tip: "withheld — fewer than k reports" });
  });

  it("renders hatching and the withheld word in SVG", () => {
    const svg = renderChartSvg(option, 500, 200);
    expect(svg).toContain(">withheld<");
    expect(svg).toContain(">40%<");
    expect(svg).not.toContain("<style");
  });

  it("hatches with 45° lines inside the rectangle", () => {
    const lines = hatchSegments(10, 20, 30, 12, 6);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      for (const [x, y] of [
        [l.x1, l.y1],
        [l.x2, l.y2],
      ] as const) {
        expect(x).toBeGreaterThanOrEqual(10 - 1e-9);
        expect(x).toBeLessThanOrEqual(40 + 1e-9);
        expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
        expect(y).toBeLessThanOrEqual(32 + 1e-9);
      }
      expect(Math.abs(l.x2 - l.x1)).toBeCloseTo(Math.abs(l.y2 - l.y1), 9);
    }
  });
});

describe("ranked bars (emerging risks, factor pairs)", () => {
  const option = rankedBarsOption({
    bars: [
      { label: "Struck-by (Midwest)", value: 1.8, strong: true, note: "q = 0.01", href: "/r1" },
      { label: "Weather (South)", value: 1.3, note: "q = 0.2" },
      { label: "Pair withheld", value: suppressed("below_k") },
    ],
    axisName: "Ratio",
    baseline: 1,
    baselineLabel: "No change",
    description: "test",
  });

  it("splits significant and other bars into two series on one stack, with a baseline line", () => {
    const series = seriesOf(option);
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ["bar", "Ratio"],
      ["bar", "Ratio"],
      ["custom", "Withheld (privacy)"],
      ["line", "No change"],
    ]);
    expect((series[0]!.data as { value: number | null }[]).map((d) => d.value)).toEqual([1.8, null, null]);
    expect((series[1]!.data as { value: number | null }[]).map((d) => d.value)).toEqual([null, 1.3, null]);
    expect(series[3]!.data).toEqual([
      [1, 0],
      [1, 2],
    ]);
  });

  it("marks a withheld bar across the axis, with no number of its own", () => {
    const withheld = seriesOf(option)[2]!;
    expect(withheld.data).toEqual([
      { value: [2, expect.any(Number)], name: "Pair withheld", why: "withheld — fewer than k reports" },
    ]);
    expect(renderChartSvg(option, 500, 200)).toContain(">withheld<");
  });
});

describe("funnel plot", () => {
  const option = funnelOption({
    factorLabel: "Radio failure",
    nationalShare: 0.05,
    curve: [
      { n: 30, lower95: 0.01, upper95: 0.13, lower998: 0, upper998: 0.2 },
      { n: 300, lower95: 0.03, upper95: 0.075, lower998: 0.02, upper998: 0.09 },
    ],
    points: [
      { n: 40, share: 0.05, position: "within" },
      { n: 250, share: 0.11, position: "above_99_8" },
      { n: 60, share: 0.0, position: "below_95" },
    ],
    href: "/reports?factor=radio",
    description: "test",
  });

  it("plots anonymous dots by position group on a log axis of reports, with the limits and the national share", () => {
    const base = baseOf(option);
    expect(base.xAxis).toMatchObject({ type: "log", min: 27, max: 330 });
    const series = seriesOf(option);
    const byName = Object.fromEntries(series.filter((s) => s.type === "scatter").map((s) => [s.name, s.data]));
    expect(byName["Within the limits"]).toEqual([{ value: [40, 5], href: "/reports?factor=radio" }]);
    expect(byName["Above (95% / 99.8%)"]).toEqual([{ value: [250, 11], href: "/reports?factor=radio" }]);
    expect(byName["Below (95% / 99.8%)"]).toEqual([{ value: [60, 0], href: "/reports?factor=radio" }]);
    expect(series.filter((s) => s.type === "line").map((s) => s.name)).toEqual([
      "National share",
      "99.8% limits",
      "99.8% limits",
      "95% limits",
      "95% limits",
    ]);
    expect(JSON.stringify(option)).not.toMatch(/agencyId|agencyName/);
    expect(renderChartSvg(option, 600, 300)).not.toContain("<style");
  });
});

describe("grouped bars (regions)", () => {
  it("draws one bar series per group in percent, a missing share as no bar", () => {
    const option = groupedBarsOption({
      items: [{ label: "Low light" }, { label: "Weather" }],
      groups: [
        { name: "Midwest", shares: [share(0.25, 0.2, 0.3), null] },
        { name: "South", shares: [share(0.2, 0.15, 0.25), share(0.1, 0.08, 0.12)] },
      ],
      description: "test",
    });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(["Midwest", "South"]);
    expect((series[0]!.data as { value: number | null }[]).map((d) => d.value)).toEqual([25, null]);
    expect(numbersIn(baseOf(option).yAxis)).toEqual([]);
    expect(renderChartSvg(option, 500, 300)).toContain("Midwest");
  });
});
