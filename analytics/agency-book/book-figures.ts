// Shares and ratios computed from released book cells only: a share follows its numerator and
// denominator (withheld when either is), never a hidden number (docs/design.md §6.1, §7).
import { type Count, isSuppressed, type Share, suppressed, type Suppressed } from "../../domain/figures";
import { proportionalReportingRatio, type PrrResult } from "../stats/prr";
import { wilsonInterval } from "../stats/wilson";

/** numerator/denominator with its Wilson 95% interval; null when there is nothing to divide by. */
export function shareOf(numerator: Count | null, denominator: Count | null): Share | null {
  if (numerator === null || denominator === null) return null;
  if (isSuppressed(numerator) || isSuppressed(denominator)) return suppressed("derived");
  if (denominator === 0) return null;
  return { share: numerator / denominator, ...wilsonInterval(numerator, denominator) };
}

/** PRR of the agency's share against the reference's (docs/design.md §7), from released counts only. */
export function prrOf(a: Count, n: Count, c: Count | null, m: Count | null): PrrResult | Suppressed | null {
  if (c === null || m === null) return null;
  for (const v of [a, n, c, m]) if (isSuppressed(v)) return suppressed("derived");
  const [va, vn, vc, vm] = [a, n, c, m] as number[];
  return proportionalReportingRatio({ a: va!, b: vn! - va!, c: vc!, d: vm! - vc! });
}

export function released(value: Count | null): value is number {
  return typeof value === "number";
}
