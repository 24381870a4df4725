// The book's years side by side: every factor's yearly cells as released, withheld cells withheld (and
// the shares over them), factors withheld in every year collapsed into one line with no figure.
import { describe, expect, it } from "vitest";
import { getBookFactorYears } from "../../../../analytics/agency-book/get-book-factor-years";
import { type Count, suppressed } from "../../../../domain/figures";
import type { AgencyBook } from "../../../../analytics/release-book/read-book";
import { wilsonInterval } from "../../../../analytics/stats/wilson";
import { factors } from "../../../../domain/taxonomy/index";
import type { AgencyBookView } from "../../agency-view-types";
import { cellText } from "../../tables/cell-values";
import { factorYearsTable } from "./factor-years";
import { topFactorsPanel } from "./top-factors";

const [radio, lapse, hidden] = factors.map((f) => f.code) as [string, string, string];
const cells: Record<string, Record<string, Count>> = {
  "2024": {
    n: 120,
    [`f:${radio}`]: 30,
    [`f:${lapse}`]: suppressed("below_k"),
    [`f:${hidden}`]: suppressed("complementary"),
  },
  "2025": { n: 200, [`f:${radio}`]: 40, [`f:${lapse}`]: 12, [`f:${hidden}`]: suppressed("below_k") },
};
const book = {
  years: ["2024", "2025"],
  quarters: [],
  asOf: null,
  // Only the agency's tables; any factor not listed is cited by no report of the year.
  cell: (period: string, population: string, key: string) =>
    population === "agency" ? (cells[period]?.[key] ?? 0) : null,
  hasMatrix: () => false,
} as unknown as AgencyBook;

const view = { factorYears: getBookFactorYears(book) } as AgencyBookView;

describe("the book's years side by side", () => {
  it("reads each year's cells from the book, a share only where both its cells are released", () => {
    const r = view.factorYears.rows.find((x) => x.factor === lapse)!;
    expect(r.years).toEqual([
      { year: "2024", count: suppressed("below_k"), share: suppressed("derived") },
      { year: "2025", count: 12, share: { share: 12 / 200, ...wilsonInterval(12, 200) } },
    ]);
    expect(view.factorYears.totals).toEqual([
      { year: "2024", count: 120 },
      { year: "2025", count: 200 },
    ]);
  });

  it("one column pair per year; totals, released factors by count, the always-withheld collapsed, uncited last", () => {
    const t = factorYearsTable(view);
    expect(t.columns.map((c) => c.id)).toEqual([
      "label",
      "family",
      "2024-share",
      "2024-count",
      "2025-share",
      "2025-count",
    ]);
    const keys = t.rows.map((r) => r.key);
    expect(keys.slice(0, 4)).toEqual(["total", radio, lapse, "withheld"]);
    expect(keys).toHaveLength(4 + factors.length - 3);
    const text = (key: string) => t.columns.map((c) => cellText(c.value(t.rows.find((r) => r.key === key)!)));
    const shareText = (x: number, n: number) => {
      const w = wilsonInterval(x, n);
      return `${((x / n) * 100).toFixed(1)}% (${(w.lower * 100).toFixed(1)}%–${(w.upper * 100).toFixed(1)}%)`;
    };
    expect(text(radio).slice(2)).toEqual([shareText(30, 120), "30", shareText(40, 200), "40"]);
    expect(text(lapse).slice(2)).toEqual([
      "withheld — based on a withheld figure",
      "withheld — fewer than k reports",
      shareText(12, 200),
      "12",
    ]);
    const line = text("withheld");
    expect(line[0]).toMatch(/^1 factor withheld: /);
    expect(line.slice(2).every((c) => c.startsWith("withheld — "))).toBe(true);
    expect(text("total").slice(2)).toEqual(["—", "120", "—", "200"]);
  });

  it("is the second table of the year-by-year panel, so it downloads as factor-years.csv/.xlsx", () => {
    const panel = topFactorsPanel({
      ...view,
      state: { vs: "national" },
      resolved: { period: "2025", reference: "national" },
      profile: { referenceLabel: "National, excluding your agency" },
      trends: { factors: [], years: ["2024", "2025"] },
    } as unknown as AgencyBookView);
    expect(panel.tables.map((t) => t.id)).toEqual(["top-factors", "factor-years"]);
  });
});
