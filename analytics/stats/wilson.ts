import { standardNormalQuantile } from "./distributions";

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a proportion x/n (Wilson 1927; recommended by Agresti & Coull 1998 and
 * Newcombe 1998 over the Wald interval, which fails for small counts and shares near 0 or 1).
 */
const zByConfidence = new Map<number, number>();

export function wilsonInterval(x: number, n: number, confidence = 0.95): Interval {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n <= 0 || x < 0 || x > n) {
    throw new RangeError(`Wilson interval needs 0 ≤ x ≤ n and n > 0, got ${x}/${n}`);
  }
  let z = zByConfidence.get(confidence);
  if (z === undefined) {
    z = standardNormalQuantile(1 - (1 - confidence) / 2);
    zByConfidence.set(confidence, z);
  }
  const p = x / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
