import { binomialCdfAt, standardNormalCdf, standardNormalQuantile } from "./distributions";

export interface FunnelLimits {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/**
 * Exact binomial control limit for a proportion with target p0 and n reports at tail probability q:
 * r = the q-quantile of Binomial(n, p0), interpolated between r−1 and r so that the limit is a smooth
 * function of n (Spiegelhalter 2005, "Funnel plots for comparing institutional performance", appendix A.1.1).
 */
const zByTail = new Map<number, number>();
function zFor(q: number): number {
  let z = zByTail.get(q);
  if (z === undefined) {
    z = standardNormalQuantile(q);
    zByTail.set(q, z);
  }
  return z;
}

export function binomialLimit(q: number, n: number, p0: number): number {
  if (p0 <= 0) return 0;
  if (p0 >= 1) return 1;
  // The q-quantile r: smallest r with F(r) ≥ q. Start from the normal approximation and step with the
  // exact CDF (@stdlib), usually one or two evaluations instead of a full search.
  let r = Math.min(n, Math.max(0, Math.floor(n * p0 + zFor(q) * Math.sqrt(n * p0 * (1 - p0)))));
  let atR = binomialCdfAt(r, n, p0);
  let belowR = binomialCdfAt(r - 1, n, p0);
  while (atR < q && r < n) {
    r++;
    belowR = atR;
    atR = binomialCdfAt(r, n, p0);
  }
  while (belowR >= q && r > 0) {
    r--;
    atR = belowR;
    belowR = binomialCdfAt(r - 1, n, p0);
  }
  const alpha = atR === belowR ? 0 : (atR - q) / (atR - belowR);
  return Math.min(1, Math.max(0, (r - alpha) / n));
}

/** The 95% (2 SD) and 99.8% (3 SD) funnel limits around p0 at n reports. */
export function funnelLimits(n: number, p0: number): FunnelLimits {
  return {
    n,
    lower95: binomialLimit(0.025, n, p0),
    upper95: binomialLimit(0.975, n, p0),
    lower998: binomialLimit(0.001, n, p0),
    upper998: binomialLimit(0.999, n, p0),
  };
}

export type FunnelSide = "above_99_8" | "above_95" | "within" | "below_95" | "below_99_8";

/** Berry–Esseen constant for sums of independent Bernoulli variables (Shevtsova 2011: C ≤ 0.4748). */
const BERRY_ESSEEN = 0.4748;

/**
 * Where x of n falls against the funnel around p0, decided from two CDF values instead of the four
 * limits: with the interpolated limits above, x/n is above the upper q-limit iff F(x−1) ≥ q or F(x) > q,
 * and below the lower q-limit iff F(x) < q (tested against funnelLimits). Most agencies sit well inside
 * the funnel: the normal approximation with its Berry–Esseen error bound proves "within" for them
 * without the exact CDF, which is evaluated only near a limit.
 */
export function funnelSide(x: number, n: number, p0: number): FunnelSide {
  const variance = n * p0 * (1 - p0);
  if (variance > 0) {
    const sd = Math.sqrt(variance);
    const bound = (BERRY_ESSEEN * (p0 * p0 + (1 - p0) * (1 - p0))) / sd;
    const atX = standardNormalCdf((x - n * p0) / sd);
    const belowX = standardNormalCdf((x - 1 - n * p0) / sd);
    if (belowX + bound < 0.975 && atX + bound <= 0.975 && atX - bound >= 0.025) return "within";
  }
  const atX = binomialCdfAt(x, n, p0);
  const belowX = binomialCdfAt(x - 1, n, p0);
  // Limits never fall below 0, so no share of 0 is above one.
  const above = (q: number) => x > 0 && (belowX >= q || atX > q);
  if (above(0.999)) return "above_99_8";
  if (above(0.975)) return "above_95";
  if (atX < 0.001) return "below_99_8";
  if (atX < 0.025) return "below_95";
  return "within";
}
