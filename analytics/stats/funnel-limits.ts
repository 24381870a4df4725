import { binomialCdfAt, binomialQuantileAt } from "./distributions";

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
export function binomialLimit(q: number, n: number, p0: number): number {
  const r = binomialQuantileAt(q, n, p0);
  const atR = binomialCdfAt(r, n, p0);
  const belowR = binomialCdfAt(r - 1, n, p0);
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
