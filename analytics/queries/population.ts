/**
 * Whose reports a query counts. Only "all" is public; every other population depends on a protected
 * field (agency, size band) and its figures go through the suppression function.
 */
export type Population =
  | { kind: "all" }
  | { kind: "agency"; agencyId: string }
  | { kind: "peers"; by: "size_band" | "region"; value: string; excludeAgencyId: string }
  /** Every report linked to an agency (with agency_id in the group-by: the funnel). */
  | { kind: "linked" };

export function populationKey(p: Population): string {
  switch (p.kind) {
    case "all":
    case "linked":
      return p.kind;
    case "agency":
      return `agency:${p.agencyId}`;
    case "peers":
      return `peers:${p.by}:${p.value}:${p.excludeAgencyId}`;
  }
}
