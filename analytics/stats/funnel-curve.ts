import { type FunnelLimits, funnelLimits } from "./funnel-limits";

/**
 * Points along n where the limits are computed for drawing: the limits are smooth in n, so a monotone
 * line through ten log-spaced points is indistinguishable from more (points are classified exactly).
 */
const CURVE_POINTS = 10;

// Limits are pure functions of (n, p0): the curves of the last choices are kept (every viewer of the
// same year and factor asks for the same).
const curves = new Map<string, FunnelLimits[]>();

/** The funnel's 95% and 99.8% limits around p0 from n = from to n = to, for drawing. */
export function funnelCurve(from: number, to: number, p0: number): FunnelLimits[] {
  const key = `${from}|${to}|${p0}`;
  const known = curves.get(key);
  if (known) return known;
  const lo = Math.max(1, from);
  const hi = Math.max(lo + 1, to);
  const ns = new Set<number>();
  for (let i = 0; i < CURVE_POINTS; i++) ns.add(Math.round(lo * (hi / lo) ** (i / (CURVE_POINTS - 1))));
  const limits = [...ns].map((n) => funnelLimits(n, p0));
  curves.set(key, limits);
  if (curves.size > 2000) curves.delete(curves.keys().next().value!);
  return limits;
}
