// Distribution functions from @stdlib (maintained, tested against reference implementations) rather
// than hand-written CDFs (docs/design.md §7). Re-exported with names that say what they compute.
import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** z such that P(Z ≤ z) = p for the standard normal. */
export function standardNormalQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** P(Z ≤ z) for the standard normal. */
export function standardNormalCdf(z: number): number {
  return normalCdf(z, 0, 1);
}

/** P(X ≤ x) for X ~ Binomial(n, p). */
export function binomialCdfAt(x: number, n: number, p: number): number {
  return x < 0 ? 0 : binomialCdf(x, n, p);
}

/** One-sided exact binomial test: P(X ≥ x) for X ~ Binomial(n, p). */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  return Math.max(0, 1 - binomialCdfAt(x - 1, n, p));
}

/** 1.959964…: the two-sided 95% normal critical value. */
export const Z95 = standardNormalQuantile(0.975);
