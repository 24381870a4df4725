// Headless checks of the agency page's charts for the issue-16 items: withheld figures drawn as small
// fixed-size marks (a full-width band read as a large value), factor labels whole at desktop widths,
// colours that keep their meaning, and the factor order (withheld collapsed, zero-report factors last).
import type { EChartsOption } from "echarts";
import { describe, expect, it } from "vitest";
import { suppressed } from "../../../domain/figures";
import { baseOf } from "~/charts/common";
import { colors } from "~/charts/palette";
import { renderChartSvg } from "~/charts/render-svg";
import { LABEL_WIDTH, shareComparisonOption, WITHHELD_TAG_WIDTH } from "~/charts/share-comparison";
import { trendOption, WITHHELD_MARK_HEIGHT } from "~/charts/trend-lines";
import { orderFactors, withheldLine } from "./factor-order";
import { seriesColors } from "./models/labels";

const share = (s: number) => ({ share: s, lower: s / 2, upper: Math.min(1, s * 1.5) });
const hidden = suppressed("below_k");
const LONG = "Complacency / routine-call assumption";

/** The widths and heights of the dashed withheld outlines in a drawn SVG (ECharts writes "M x y l w 0 l 0 h …"). */
function withheldBoxes(svg: string): { width: number; height: number }[] {
  return [...svg.matchAll(/<path d="M[\d.-]+ [\d.-]+l([\d.-]+) 0l0 ([\d.-]+)l[^"]*Z"[^>]*stroke-dasharray/g)].map(
    (m) => ({ width: Math.abs(Number(m[1])), height: Math.abs(Number(m[2])) }),
  );
}

describe("withheld figures never read as large values", () => {
  it("a withheld share is a short tag of fixed width, not a band across the axis", () => {
    const option = shareComparisonOption({
      rows: [
        { key: "a", label: "Weather", a: hidden, b: share(0.4) },
        { key: "b", label: "Animal", a: share(0.3), b: share(0.2) },
      ],
      aLabel: "Your agency",
      bLabel: "Reference",
      description: "test",
    });
    const boxes = withheldBoxes(renderChartSvg(option, 1000, 200, "t"));
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box.width).toBeLessThanOrEqual(WITHHELD_TAG_WIDTH + 1);
  });

  it("a withheld quarter is a short mark at the foot of the axis, not a column to the top", () => {
    const option = trendOption({
      bins: ["2025-Q1", "2025-Q2", "2025-Q3"],
      unit: "count",
      lines: [{ name: "Agency", values: [40, hidden, 60] }],
      description: "t",
    });
    const boxes = withheldBoxes(renderChartSvg(option, 720, 260, "t"));
    expect(boxes.length).toBe(1);
    expect(boxes[0]!.height).toBeLessThanOrEqual(WITHHELD_MARK_HEIGHT + 1);
  });
});

describe("factor labels at desktop widths", () => {
  it("keeps a long label whole, wrapping it instead of cutting it with an ellipsis", () => {
    const option = baseOf(
      shareComparisonOption({
        rows: [{ key: "c", label: LONG, a: share(0.2), b: null }],
        aLabel: "A",
        bLabel: null,
        description: "t",
      }),
    );
    const axis = option.yAxis as { data: string[]; axisLabel: { width: number; overflow: string } };
    expect(axis.data).toEqual([LONG]);
    expect(axis.axisLabel).toMatchObject({ width: LABEL_WIDTH, overflow: "break" });
    const svg = renderChartSvg(option as EChartsOption, 1000, 160, "t");
    expect(svg).not.toContain("…");
    expect(svg).toContain("Complacency");
    expect(svg).toContain("assumption");
  });
});

describe("colours keep their meaning", () => {
  it("the agency is always the agency's colour and the reference the reference's, also with no agency figure", () => {
    for (const a of [share(0.2), null]) {
      const option = shareComparisonOption({
        rows: [{ key: "x", label: "Weather", a, b: share(0.1) }],
        aLabel: "Your agency",
        bLabel: "Reference",
        aColor: seriesColors.agency,
        bColor: seriesColors.reference,
        description: "t",
      }) as { series: { name: string; itemStyle: { color: string } }[] };
      expect(option.series.find((s) => s.name === "Your agency")!.itemStyle.color).toBe(colors.blue);
      expect(option.series.find((s) => s.name === "Reference")!.itemStyle.color).toBe(colors.orange);
    }
  });
});

describe("the order of factor rows", () => {
  it("released figures first by share, the withheld ones apart (one line), zero-report factors last", () => {
    const rows = [
      { code: "zero", count: 0, share: null },
      { code: "low", count: 12, share: share(0.1) },
      { code: "hidden", count: hidden, share: hidden },
      { code: "high", count: 30, share: share(0.3) },
    ];
    const ordered = orderFactors(rows, (r) => ({ count: r.count, share: r.share }));
    expect(ordered.shown.map((r) => r.code)).toEqual(["high", "low"]);
    expect(ordered.withheld.map((r) => r.code)).toEqual(["hidden"]);
    expect(ordered.zero.map((r) => r.code)).toEqual(["zero"]);
    expect(withheldLine(12)).toBe("12 factors withheld");
  });
});
