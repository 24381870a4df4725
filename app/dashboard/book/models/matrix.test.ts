// The incident type × factor table keeps each share under its own factor whatever the order or set of
// columns (after in-page navigation, shares showed under the wrong factor columns).
import { describe, expect, it } from "vitest";
import { suppressed } from "../../../../domain/figures";
import type { AgencyBookView, BookMatrix } from "../../agency-view-types";
import { cellText } from "../../tables/cell-values";
import { matrixPanel } from "./matrix";

const share = (s: number) => ({ share: s, lower: s / 2, upper: s * 1.5 });

function matrix(order: ("hc_low_light" | "eq_radio_failure")[]): BookMatrix {
  const figures = {
    traffic_stop: { hc_low_light: 0.382, eq_radio_failure: 0.529 },
    welfare_check: { hc_low_light: 0.1, eq_radio_failure: 0.2 },
  } as const;
  return {
    year: "2025",
    factors: order.map((code) => ({ code, label: code })),
    rows: [
      { code: "off_duty", label: "Off-duty", reports: 0, cells: order.map(() => ({ count: 0, share: null })) },
      {
        code: "welfare_check",
        label: "Welfare check",
        reports: suppressed("below_k"),
        cells: order.map(() => ({ count: suppressed("below_k"), share: suppressed("derived") })),
      },
      ...(["traffic_stop"] as const).map((t) => ({
        code: t,
        label: "Traffic stop",
        reports: 34,
        cells: order.map((f) => ({ count: Math.round(figures[t][f] * 34), share: share(figures[t][f]) })),
      })),
    ],
  };
}

const view = {} as AgencyBookView;

function columnText(order: ("hc_low_light" | "eq_radio_failure")[]) {
  const table = matrixPanel(view, matrix(order)).tables[0]!;
  const row = table.rows.find((r: { code: string }) => r.code === "traffic_stop");
  return Object.fromEntries(table.columns.map((c) => [c.id, cellText(c.value(row))]));
}

describe("the incident type × factor table", () => {
  it("keys columns by factor code and reads each cell by its factor, not its position", () => {
    const one = columnText(["hc_low_light", "eq_radio_failure"]);
    const other = columnText(["eq_radio_failure", "hc_low_light"]);
    expect(one["factor-hc_low_light"]).toBe("38.2%");
    expect(one["factor-eq_radio_failure"]).toBe("52.9%");
    expect(other).toEqual(one);
  });

  it("lists incident types with released reports first, withheld ones next, types without reports last", () => {
    const table = matrixPanel(view, matrix(["hc_low_light"])).tables[0]!;
    expect(table.rows.map((r: { code: string }) => r.code)).toEqual(["traffic_stop", "welfare_check", "off_duty"]);
  });
});
