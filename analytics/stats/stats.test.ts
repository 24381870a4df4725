import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alertLevels } from "./alert-levels";
import { benjaminiHochberg } from "./benjamini-hochberg";
import { binomialUpperTail, Z95 } from "./distributions";
import { funnelLimits, funnelSide } from "./funnel-limits";
import { mannKendall } from "./mann-kendall";
import { proportionalReportingRatio } from "./prr";
import { wilsonInterval } from "./wilson";

// Reference values are computed independently of this code and written out with their source.
// "SciPy" means SciPy 1.17.1 on this machine, with the call given.

describe("Wilson interval", () => {
  it("3 of 40 → 2.6%–19.9% (docs/design.md §7 worked check; SciPy binomtest(3, 40).proportion_ci('wilson'))", () => {
    const ci = wilsonInterval(3, 40);
    expect(ci.lower).toBeCloseTo(0.025836025774588198, 10);
    expect(ci.upper).toBeCloseTo(0.19864233524310543, 10);
  });

  it("81 of 263 → 0.2553–0.3662 (Newcombe 1998, Stat Med 17:857, table II method 3; SciPy agrees)", () => {
    const ci = wilsonInterval(81, 263);
    expect(ci.lower).toBeCloseTo(0.2552885198782742, 10);
    expect(ci.upper).toBeCloseTo(0.36620957698280004, 10);
  });

  it("0 of 20 → 0–0.1611 and 20 of 20 → 0.8389–1 (SciPy)", () => {
    expect(wilsonInterval(0, 20).lower).toBeCloseTo(0, 12);
    expect(wilsonInterval(0, 20).upper).toBeCloseTo(0.16112515805281938, 10);
    expect(wilsonInterval(20, 20).lower).toBeCloseTo(0.8388748419471806, 10);
    expect(wilsonInterval(20, 20).upper).toBeCloseTo(1, 12);
  });

  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe("proportional reporting ratio", () => {
  // PRR and CI by hand from docs/design.md §7's formula (z = SciPy norm.ppf(0.975) = 1.959963984540054);
  // χ² with Yates' correction from SciPy chi2_contingency([[a, b], [c, d]], correction=True).
  it("a=20 b=80 c=100 d=1900 → PRR 4.0 (2.586–6.186), χ² 37.04: flagged by the lower bound", () => {
    const r = proportionalReportingRatio({ a: 20, b: 80, c: 100, d: 1900 })!;
    expect(r.prr).toBeCloseTo(4, 12);
    expect(r.lower).toBeCloseTo(2.5863041812000516, 6);
    expect(r.upper).toBeCloseTo(6.186433953246736, 6);
    expect(r.chiSquare).toBeCloseTo(37.03735795454545, 8);
    expect(r).toMatchObject({ flagged: true, rule: "lower_bound_above_1" });
  });

  it("a=4 b=36 c=50 d=1950 → PRR 4.0 (1.518–10.54), χ² 5.897: a < 5, so flagged by PRR ≥ 2, χ² ≥ 4, a ≥ 3", () => {
    const r = proportionalReportingRatio({ a: 4, b: 36, c: 50, d: 1950 })!;
    expect(r.lower).toBeCloseTo(1.5176333476202823, 6);
    expect(r.upper).toBeCloseTo(10.542730907362259, 6);
    expect(r.chiSquare).toBeCloseTo(5.896928499496476, 8);
    expect(r).toMatchObject({ flagged: true, rule: "prr_2_chi2_4" });
  });

  it("a=12 b=188 c=40 d=760 → PRR 1.2 (0.642–2.245), χ² 0.153: not flagged", () => {
    const r = proportionalReportingRatio({ a: 12, b: 188, c: 40, d: 760 })!;
    expect(r.prr).toBeCloseTo(1.2, 12);
    expect(r.lower).toBeCloseTo(0.6415318810840177, 6);
    expect(r.chiSquare).toBeCloseTo(0.15341001298279777, 8);
    expect(r.flagged).toBe(false);
  });

  it("is undefined without reports citing the factor on either side", () => {
    expect(proportionalReportingRatio({ a: 0, b: 10, c: 5, d: 100 })).toBeNull();
    expect(proportionalReportingRatio({ a: 3, b: 10, c: 0, d: 100 })).toBeNull();
  });
});

describe("Mann-Kendall with Sen's slope", () => {
  // Worked example "A Mann-Kendall Example (By Hand)", College of the Holy Cross (mathcs.holycross.edu,
  // MannKendallByHand.txt): S = 54, V = 14·13·33/18 − 2·1·9/18 (one tied pair), Z = (S−1)/√V = 2.9058,
  // one-sided p ≈ .0018. Sen's slope 0.5667 from SciPy theilslopes(x).
  const series = [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7];

  it("matches the worked example", () => {
    const r = mannKendall(series);
    if ("insufficient" in r) throw new Error("expected a result");
    expect(r.s).toBe(54);
    expect(r.variance).toBeCloseTo((14 * 13 * 33) / 18 - (2 * 1 * 9) / 18, 10);
    expect(r.z).toBeCloseTo(2.9058, 4);
    expect(r.pValue / 2).toBeCloseTo(0.0018316, 5); // SciPy norm.sf(2.9058) = 0.001831577…
    expect(r.senSlope).toBeCloseTo(0.566666666666667, 10);
    expect(r.tau).toBeCloseTo(54 / 91, 12);
    expect(r.trend).toBe("increasing");
  });

  it("says 'insufficient data' below 10 points", () => {
    expect(mannKendall(series.slice(0, 9))).toEqual({ insufficient: true, points: 9 });
  });

  it("finds a decreasing trend and none in a flat series", () => {
    const down = mannKendall([...series].reverse());
    expect("trend" in down && down.trend).toBe("decreasing");
    const flat = mannKendall(new Array(12).fill(4));
    expect("trend" in flat && flat.trend).toBe("no trend");
  });
});

describe("funnel limits (exact binomial, Spiegelhalter 2005)", () => {
  // SciPy: r = binom.ppf(q, n, p0); α = (cdf(r) − q)/(cdf(r) − cdf(r−1)); limit = (r − α)/n, clipped to [0, 1].
  it.each([
    [30, [0, 0, 0.16465806455856918, 0.2429726347996918]],
    [100, [0.0017651883619261989, 0.022219540416884766, 0.12596387786998292, 0.16273922784717304]],
    [1000, [0.05003207914862217, 0.05856608133180662, 0.09122981151394621, 0.10143456615490805]],
  ])("n = %i around 7.5%%", (n, [l998, l95, u95, u998]) => {
    const limits = funnelLimits(n, 0.075);
    expect(limits.lower998).toBeCloseTo(l998!, 8);
    expect(limits.lower95).toBeCloseTo(l95!, 8);
    expect(limits.upper95).toBeCloseTo(u95!, 8);
    expect(limits.upper998).toBeCloseTo(u998!, 8);
  });
});

/** The side a share falls on, read straight off the four limits: the oracle funnelSide must agree with. */
function sideByLimits(share: number, limits: ReturnType<typeof funnelLimits>) {
  if (share > limits.upper998) return "above_99_8";
  if (share > limits.upper95) return "above_95";
  if (share < limits.lower998) return "below_99_8";
  if (share < limits.lower95) return "below_95";
  return "within";
}

describe("funnel side", () => {
  it("classifies every count exactly as comparing its share with the four limits does", () => {
    for (const [n, p0] of [
      [30, 0.075],
      [100, 0.2],
      [1000, 0.05],
      [4000, 0.011],
    ] as const) {
      const limits = funnelLimits(n, p0);
      for (let x = 0; x <= Math.min(n, 400); x++) {
        expect(funnelSide(x, n, p0), `${x}/${n} around ${p0}`).toBe(sideByLimits(x / n, limits));
      }
    }
  });
});

describe("funnel side (random cases, including the Berry–Esseen shortcut)", () => {
  it("agrees with the exact limits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0.001, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, p0, u) => {
          const x = Math.round(u * Math.min(n, 3 * n * p0 + 30));
          const limits = funnelLimits(n, p0);
          expect(funnelSide(x, n, p0)).toBe(sideByLimits(x / n, limits));
        },
      ),
      { numRuns: 1500, seed: 11 },
    );
  });
});

describe("Benjamini-Hochberg", () => {
  it("matches SciPy false_discovery_control(ps, method='bh')", () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5, 0.2, 0.045]);
    const expected = [0.035, 0.063, 0.063, 0.035, 0.5, 0.23333333333333334, 0.063];
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });
});

describe("distributions", () => {
  it("z(0.975) and the one-sided binomial test agree with SciPy", () => {
    expect(Z95).toBeCloseTo(1.959963984540054, 12);
    expect(binomialUpperTail(30, 200, 0.08)).toBeCloseTo(0.0006593394871443474, 12); // binom.sf(29, 200, .08)
    expect(binomialUpperTail(0, 200, 0.08)).toBe(1);
  });
});

describe("alert levels", () => {
  it("uses mean + 1/2/3 sample SD of the previous 12–24 months and the ICAO triggers", () => {
    // Baseline of 12 months alternating 10, 12: mean 11, sample SD √(12/11) = 1.04447 (numpy std(ddof=1)).
    // Then 13, 13, 13: level 1 of each month (numpy) is 12.0445, 12.2974, 12.4901 and level 2 is
    // 13.0889, 13.4409, 13.6945, so each 13 is above level 1 only; the third in a row triggers.
    const base = Array.from({ length: 12 }, (_, i) => (i % 2 ? 12 : 10));
    const points = alertLevels([...base, 13, 13, 13, 16]);
    expect(points[11]!.levels).toBeNull();
    expect(points[12]!.levels!.mean).toBeCloseTo(11, 12);
    expect(points[12]!.levels!.sd).toBeCloseTo(Math.sqrt(12 / 11), 12);
    expect(points[13]!.levels!.level1).toBeCloseTo(12.297389903639884, 10);
    expect(points[14]!.levels!.level2).toBeCloseTo(13.694489452100266, 10);
    expect(points.slice(12, 15).map((p) => p.above)).toEqual([1, 1, 1]);
    expect(points.slice(12, 15).map((p) => p.triggered)).toEqual([false, false, true]);
    // 16 is above level 3 of its own baseline: mean 11.4, SD 1.24212, level 3 = 15.1264 (numpy).
    expect(points[15]!.above).toBe(3);
    expect(points[15]!.triggered).toBe(true);
    expect(alertLevels([null, ...base, null])[13]).toEqual({
      levels: expect.anything(),
      above: null,
      triggered: false,
    });
  });
});
