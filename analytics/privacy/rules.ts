/** The configurable privacy parameters (config.privacyK, config.agencyMinReports). */
export interface PrivacyRules {
  /** Minimum cell size: released counts that depend on a protected field are 0 or ≥ k. Default 10. */
  k: number;
  /** Reports an agency needs in the window before its own figures are released. Default 30. */
  agencyMinReports: number;
}

export const DEFAULT_PRIVACY_RULES: PrivacyRules = { k: 10, agencyMinReports: 30 };

/** A peer group shown to an agency must cover at least this many other agencies (docs/design.md §6). */
export const PEER_MIN_OTHER_AGENCIES = 3;

export function checkPrivacyRules(rules: PrivacyRules): PrivacyRules {
  if (!Number.isInteger(rules.k) || rules.k < 2)
    throw new RangeError(`privacy k must be a whole number ≥ 2, got ${rules.k}`);
  if (!Number.isInteger(rules.agencyMinReports) || rules.agencyMinReports < 1) {
    throw new RangeError(`agencyMinReports must be a whole number ≥ 1, got ${rules.agencyMinReports}`);
  }
  return rules;
}
