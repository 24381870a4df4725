// The national factor profile of two periods side by side (issue: "Compare changes only the headline"):
// each period's share as the profile measure released it, the difference A − B with Newcombe's interval
// from released shares only, in the chart, the table and (through the same table) its downloads.
import { describe, expect, it } from "vitest";
import type { FactorProfileResult } from "../../../analytics/get-factor-profile";
import { suppressed } from "../../../domain/figures";
import { wilsonInterval } from "../../../analytics/stats/wilson";
import { baseOf } from "~/charts/common";
import { defaultState } from "../filter-schema";
import { cellText } from "../tables/cell-values";
import { buildPeriodProfile } from "../view-builders.server";
import { periodProfilePanel } from "./period-profile";

const figures = (count: number, n: number) => ({ count, share: { share: count / n, ...wilsonInterval(count, n) } });

function profile(
  window: { from: string; to: string; months: number },
  n: number,
  rows: Record<
    string,
    ReturnType<typeof figures> | { count: ReturnType<typeof suppressed>; share: ReturnType<typeof suppressed> }
  >,
): FactorProfileResult {
  return {
    meta: {
      window,
      subject: { kind: "national", label: "National (all reports)" },
      reference: null,
    } as unknown as FactorProfileResult["meta"],
    subjectReports: n,
    referenceReports: null,
    flagged: [],
    rows: Object.entries(rows).map(([factor, subject]) => ({
      factor,
      label: `Label ${factor}`,
      family: "f",
      familyLabel: "Family",
      subject,
      reference: null,
      prr: null,
    })),
  };
}

const a = profile({ from: "2025-01", to: "2025-12", months: 12 }, 400, {
  radio: figures(80, 400),
  lapse: figures(20, 400),
  none: { count: 0, share: { share: 0, ...wilsonInterval(0, 400) } } as ReturnType<typeof figures>,
  hidden: { count: suppressed("below_k"), share: suppressed("below_k") },
});
const b = profile({ from: "2024-01", to: "2024-12", months: 12 }, 300, {
  radio: figures(30, 300),
  lapse: figures(24, 300),
  none: { count: 0, share: { share: 0, ...wilsonInterval(0, 300) } } as ReturnType<typeof figures>,
  hidden: figures(12, 300),
});

describe("two periods side by side", () => {
  const view = buildPeriodProfile(a, b);

  it("keeps each period's released figures and computes A − B with Newcombe's hybrid score interval", () => {
    expect(view.a).toMatchObject({ from: "2025-01", to: "2025-12", label: "2025-01 to 2025-12", reports: 400 });
    expect(view.b).toMatchObject({ from: "2024-01", to: "2024-12", label: "2024-01 to 2024-12", reports: 300 });
    expect(view.overlap).toBe(false);
    const radio = view.rows.find((r) => r.factor === "radio")!;
    expect(radio.a).toEqual(figures(80, 400));
    expect(radio.b).toEqual(figures(30, 300));
    const [wa, wb] = [wilsonInterval(80, 400), wilsonInterval(30, 300)];
    expect(radio.difference).toEqual({
      difference: 0.2 - 0.1,
      lower: 0.2 - 0.1 - Math.sqrt((0.2 - wa.lower) ** 2 + (wb.upper - 0.1) ** 2),
      upper: 0.2 - 0.1 + Math.sqrt((wa.upper - 0.2) ** 2 + (0.1 - wb.lower) ** 2),
    });
  });

  it("withholds the difference when either share is withheld, never derives it", () => {
    const hidden = view.rows.find((r) => r.factor === "hidden")!;
    expect(hidden.a.count).toEqual(suppressed("below_k"));
    expect(hidden.difference).toEqual(suppressed("derived"));
  });

  it("says when the periods share months", () => {
    const overlapping = profile({ from: "2024-07", to: "2025-06", months: 12 }, 300, { radio: figures(30, 300) });
    expect(
      buildPeriodProfile(
        profile({ from: "2025-01", to: "2025-12", months: 12 }, 400, { radio: figures(80, 400) }),
        overlapping,
      ).overlap,
    ).toBe(true);
  });

  it("shows both periods' columns and the difference in the table, most cited first, and draws them", () => {
    const panel = periodProfilePanel(view, defaultState, { from: "2025-01", to: "2025-12", months: 12 });
    const t = panel.tables[0]!;
    expect(t.id).toBe("period-profile");
    expect(t.columns.map((c) => c.header)).toEqual([
      "Factor",
      "Family",
      "A: 2025-01 to 2025-12: share (95% interval)",
      "A: 2025-01 to 2025-12: reports",
      "B: 2024-01 to 2024-12: share (95% interval)",
      "B: 2024-01 to 2024-12: reports",
      "Difference A − B, percentage points (95% interval)",
    ]);
    expect(t.rows.map((r) => r.factor)).toEqual(["radio", "lapse", "hidden", "none"]);
    const text = (factor: string) => t.columns.map((c) => cellText(c.value(t.rows.find((r) => r.factor === factor)!)));
    const radio = view.rows.find((r) => r.factor === "radio")!.difference as { lower: number; upper: number };
    const interval = (k: number, n: number) =>
      `${(wilsonInterval(k, n).lower * 100).toFixed(1)}%–${(wilsonInterval(k, n).upper * 100).toFixed(1)}%`;
    expect(text("radio")).toEqual([
      "Label radio",
      "Family",
      `20.0% (${interval(80, 400)})`,
      "80",
      `10.0% (${interval(30, 300)})`,
      "30",
      `10.0 pts higher (+${(radio.lower * 100).toFixed(1)} to +${(radio.upper * 100).toFixed(1)})`,
    ]);
    // In words, not "+3.0": the exports' formula guard would quote a cell starting with "+".
    expect(text("lapse")[6]).toMatch(/^3\.0 pts lower \(−\d+\.\d to [+−]\d+\.\d\)$/);
    expect(text("hidden")[2]).toBe("withheld — fewer than k reports");
    expect(text("hidden")[6]).toBe("withheld — based on a withheld figure");
    // The chart leaves out factors no report cites in either period.
    const axis = (baseOf(panel.chart!.option).yAxis as { data: string[] }[])[0]!;
    expect(axis.data).toEqual(["Label radio", "Label lapse", "Label hidden"]);
  });
});
