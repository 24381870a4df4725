// The order of an agency's factor rows: released figures first, most cited first; the
// withheld ones collapsed into one "N factors withheld" line; factors no report cited last. Browser-safe.
import { type Count, isSuppressed, type Share } from "../../../domain/figures";

export interface Ordered<T> {
  shown: T[];
  withheld: T[];
  zero: T[];
}

export function orderFactors<T>(
  rows: readonly T[],
  figure: (row: T) => { count: Count; share: Share | null },
): Ordered<T> {
  const shown: T[] = [];
  const withheld: T[] = [];
  const zero: T[] = [];
  for (const row of rows) {
    const { count, share } = figure(row);
    if (isSuppressed(count) || (share !== null && isSuppressed(share))) withheld.push(row);
    else if (count === 0) zero.push(row);
    else shown.push(row);
  }
  const value = (row: T) => {
    const { count, share } = figure(row);
    return share && !isSuppressed(share) ? share.share : typeof count === "number" ? count : 0;
  };
  shown.sort((a, b) => value(b) - value(a));
  return { shown, withheld, zero };
}

export function withheldLine(count: number): string {
  return `${count} ${count === 1 ? "factor" : "factors"} withheld`;
}

/**
 * The one row that stands for every withheld factor (none when no factor is withheld): it names them,
 * has no family, and carries only the figures `figures` gives it — never a withheld number.
 */
export function collapsedRows<F extends object>(
  hidden: readonly { label: string }[],
  figures: () => F,
): ({ key: string; label: string; family: string } & F)[] {
  if (hidden.length === 0) return [];
  const label = `${withheldLine(hidden.length)}: ${hidden.map((r) => r.label).join("; ")}`;
  return [{ key: "withheld", label, family: "—", ...figures() }];
}
