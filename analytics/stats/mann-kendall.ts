import { standardNormalCdf } from "./distributions";

/** Fewer points than this and the test says "insufficient data" (docs/design.md §7). */
export const MANN_KENDALL_MIN_POINTS = 10;

export interface MannKendallResult {
  points: number;
  /** Σ sign(x_j − x_i) over i < j. */
  s: number;
  /** Var(S) with the tie correction. */
  variance: number;
  /** (S ∓ 1)/√Var(S), continuity-corrected; 0 when S = 0. */
  z: number;
  /** Two-sided p-value from the normal approximation. */
  pValue: number;
  /** Kendall's τ = S / (n(n−1)/2). */
  tau: number;
  /** Sen's slope: the median of (x_j − x_i)/(j − i), per step of the series. */
  senSlope: number;
  trend: "increasing" | "decreasing" | "no trend";
}

export type MannKendallOutcome = MannKendallResult | { insufficient: true; points: number };

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Mann-Kendall test for a monotonic trend with Sen's slope (Mann 1945; Kendall 1975; Sen 1968; the
 * procedure of Gilbert 1987 §16.4), on equally spaced points. Trend at the 5% level.
 */
export function mannKendall(series: readonly number[], alpha = 0.05): MannKendallOutcome {
  const n = series.length;
  if (n < MANN_KENDALL_MIN_POINTS) return { insufficient: true, points: n };
  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const diff = series[j]! - series[i]!;
      s += Math.sign(diff);
      slopes.push(diff / (j - i));
    }
  }
  const ties = new Map<number, number>();
  for (const v of series) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 ? (s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0) : 0;
  const pValue = Math.min(1, 2 * (1 - standardNormalCdf(Math.abs(z))));
  const trend = pValue < alpha ? (s > 0 ? "increasing" : "decreasing") : "no trend";
  return { points: n, s, variance, z, pValue, tau: s / ((n * (n - 1)) / 2), senSlope: median(slopes), trend };
}
