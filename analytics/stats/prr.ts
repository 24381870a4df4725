import { Z95 } from "./distributions";

/**
 * The 2×2 table of docs/design.md §7: a/b the subject's reports citing / not citing the factor, c/d the reference's.
 */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

export type PrrFlagRule = "lower_bound_above_1" | "prr_2_chi2_4";

export interface PrrResult {
  prr: number;
  lower: number;
  upper: number;
  /** Pearson χ² with Yates' continuity correction, as in Evans, Waller & Davis (2001). */
  chiSquare: number;
  flagged: boolean;
  /** Which criterion flagged it (the first that holds), or null. */
  rule: PrrFlagRule | null;
}

/**
 * Proportional reporting ratio PRR = [a/(a+b)] / [c/(c+d)] with the 95% CI of ln PRR
 * ±1.96·√(1/a − 1/(a+b) + 1/c − 1/(c+d)) (Evans, Waller & Davis 2001). Flagged when
 * (lower bound > 1 and a ≥ 5) or (PRR ≥ 2, χ² ≥ 4 and a ≥ 3) — docs/design.md §7. Undefined (null) when a or c
 * is zero or a margin is empty. The caller applies the privacy threshold before calling (a ≥ k).
 */
export function proportionalReportingRatio({ a, b, c, d }: TwoByTwo): PrrResult | null {
  for (const v of [a, b, c, d]) if (!Number.isInteger(v) || v < 0) throw new RangeError(`PRR needs counts, got ${v}`);
  if (a === 0 || c === 0 || a + b === 0 || c + d === 0) return null;
  const prr = a / (a + b) / (c / (c + d));
  const se = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
  const lower = Math.exp(Math.log(prr) - Z95 * se);
  const upper = Math.exp(Math.log(prr) + Z95 * se);
  const n = a + b + c + d;
  const corrected = Math.max(0, Math.abs(a * d - b * c) - n / 2);
  const chiSquare = (n * corrected * corrected) / ((a + b) * (c + d) * (a + c) * (b + d));
  const rule: PrrFlagRule | null =
    lower > 1 && a >= 5 ? "lower_bound_above_1" : prr >= 2 && chiSquare >= 4 && a >= 3 ? "prr_2_chi2_4" : null;
  return { prr, lower, upper, chiSquare, flagged: rule !== null, rule };
}
