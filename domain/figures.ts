// What a released figure looks like. Browser-safe (types and tiny helpers only): dashboards, exports and
// the API render these directly.

/** Why a figure is withheld (docs/design.md §6). */
export type SuppressionReason =
  /** A count of 1..k−1, or a share whose numerator or denominator is below k. */
  | "below_k"
  /** Withheld so that another withheld figure cannot be recovered from totals. */
  | "complementary"
  /** Computed from a withheld figure (a share, interval, ratio, trend or alert). */
  | "derived"
  /** The agency has fewer reports in the window than its dashboard needs. */
  | "agency_minimum"
  /** The peer group has fewer than 3 other agencies or k reports once the agency's own are removed. */
  | "peer_group_too_small"
  /**
   * In a release book: fewer than k reports a member cannot already see, or withheld to protect such a
   * figure — one reason for both, since telling them apart would tell a member which withheld figures
   * are 0 or at least k.
   */
  | "protected";

/** A withheld figure: never zero, never the hidden number. */
export interface Suppressed {
  suppressed: true;
  reason: SuppressionReason;
}

/** A count that is released (a number) or withheld. */
export type Count = number | Suppressed;

/** A share of reports with its Wilson 95% interval. */
export interface ShareEstimate {
  share: number;
  lower: number;
  upper: number;
}

export type Share = ShareEstimate | Suppressed;

export function isSuppressed(value: unknown): value is Suppressed {
  return typeof value === "object" && value !== null && (value as Suppressed).suppressed === true;
}

export function suppressed(reason: SuppressionReason): Suppressed {
  return { suppressed: true, reason };
}

export const suppressionLabels: Record<SuppressionReason, string> = {
  below_k: "Fewer than k reports",
  complementary: "Withheld to protect another figure",
  derived: "Based on a withheld figure",
  agency_minimum: "Too few agency reports in this period",
  peer_group_too_small: "Peer group too small",
  protected: "Fewer than k reports, or to protect such a figure",
};
