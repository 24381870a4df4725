// The factor profile panel: released factors first, the withheld ones collapsed into one
// "N factors withheld" line, zero-report factors last; below the minimum the agency's side is left out
// and the reference keeps its own colour; a panel with nothing released is one sentence.
import { describe, expect, it } from "vitest";
import { suppressed } from "../../../../domain/figures";
import { baseOf } from "~/charts/common";
import { colors } from "~/charts/palette";
import type { AgencyBookView } from "../../agency-view-types";
import { cellText } from "../../tables/cell-values";
import { bookProfilePanel } from "./profile";

const share = (s: number) => ({ share: s, lower: s / 2, upper: s * 1.5 });
const hidden = suppressed("below_k");

function view(open: boolean, rows: { factor: string; agency: unknown; reference: unknown }[]): AgencyBookView {
  return {
    open,
    state: { vs: "national" },
    resolved: {
      period: "2025",
      reference: "national",
      sharedFrom: "2023-11",
      sharedTo: "2026-10",
      sharedLatest: "2026-10",
    },
    profile: {
      period: "2025",
      incidentType: null,
      reference: "national",
      agencyReports: open ? 150 : suppressed("agency_minimum"),
      referenceReports: 5000,
      referenceMissing: null,
      referenceLabel: "National, excluding your agency",
      flagged: [],
      rows: rows.map((r) => ({ ...r, label: r.factor, family: "Family", prr: null })),
    },
  } as unknown as AgencyBookView;
}

const labelsOf = (rows: { label: string }[]) => rows.map((r) => r.label);

describe("the factor profile panel", () => {
  it("orders released factors by share, collapses the withheld ones into one line, zero-report factors last", () => {
    const panel = bookProfilePanel(
      view(true, [
        { factor: "zero", agency: { count: 0, share: null }, reference: { count: 40, share: share(0.01) } },
        {
          factor: "withheld-a",
          agency: { count: hidden, share: suppressed("derived") },
          reference: { count: 90, share: share(0.02) },
        },
        { factor: "low", agency: { count: 15, share: share(0.1) }, reference: { count: 500, share: share(0.1) } },
        {
          factor: "withheld-b",
          agency: { count: hidden, share: suppressed("derived") },
          reference: { count: 80, share: share(0.02) },
        },
        { factor: "high", agency: { count: 45, share: share(0.3) }, reference: { count: 900, share: share(0.18) } },
      ]),
    );
    const table = panel.tables[0]!;
    expect(labelsOf(table.rows)).toEqual(["high", "low", "2 factors withheld: withheld-a; withheld-b", "zero"]);
    const withheldRow = table.rows[2];
    expect(table.columns.map((c) => cellText(c.value(withheldRow)))).toContain("withheld — fewer than k reports");
    // The chart draws released factors only: no withheld row reads as a value.
    const axis = baseOf(panel.chart!.option).yAxis as { data: string[] };
    expect(axis.data).toEqual(["high", "low"]);
  });

  it("below the minimum: no agency columns, the reference alone in its own colour", () => {
    const panel = bookProfilePanel(
      view(false, [
        {
          factor: "a",
          agency: { count: suppressed("agency_minimum"), share: suppressed("agency_minimum") },
          reference: { count: 900, share: share(0.18) },
        },
        {
          factor: "b",
          agency: { count: suppressed("agency_minimum"), share: suppressed("agency_minimum") },
          reference: { count: 500, share: share(0.1) },
        },
      ]),
    );
    expect(panel.tables[0]!.columns.map((c) => c.header)).toEqual([
      "Factor",
      "Family",
      "National, excluding your agency: share (95% interval)",
      "National, excluding your agency: reports",
    ]);
    const series = (panel.chart!.option as { series: { name: string; itemStyle: { color: string } }[] }).series;
    expect(series.find((s) => s.name === "National, excluding your agency")!.itemStyle.color).toBe(colors.orange);
    expect(series.find((s) => s.name === "Your agency")!.itemStyle.color).toBe(colors.blue);
  });

  it("with nothing released, the panel is one sentence saying why", () => {
    const panel = bookProfilePanel(
      view(true, [{ factor: "a", agency: { count: hidden, share: suppressed("derived") }, reference: null }]),
    );
    expect(panel.chart).toBeNull();
    expect(panel.allWithheld).toMatch(/^Every factor share of your agency is withheld/);
  });
});
