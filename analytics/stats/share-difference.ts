import type { Interval } from "./wilson";

export interface ShareDifference extends Interval {
  /** Share A minus share B (a fraction: 0.02 is two percentage points). */
  difference: number;
}

/**
 * The difference of two shares with a 95% interval built from their Wilson intervals (Newcombe 1998,
 * method 10, the "hybrid score" interval): it keeps the Wilson interval's good behaviour for small counts
 * and shares near 0 or 1, where the Wald difference interval fails. It assumes independent samples; for
 * two overlapping periods (reports in both) it is conservative, i.e. wider than it needs to be.
 */
export function shareDifference(a: { share: number } & Interval, b: { share: number } & Interval): ShareDifference {
  const difference = a.share - b.share;
  return {
    difference,
    lower: difference - Math.sqrt((a.share - a.lower) ** 2 + (b.upper - b.share) ** 2),
    upper: difference + Math.sqrt((a.upper - a.share) ** 2 + (b.share - b.lower) ** 2),
  };
}
