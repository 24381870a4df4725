/**
 * Who is looking, as analytics needs to know it. The caller builds it from the session (never from the
 * request), so an agency member's agency cannot be chosen in a URL (docs/design.md §8).
 */
export type Viewer =
  /** Anyone, signed in or not: national figures over published fields only. */
  | { kind: "public" }
  /** Programme staff (national analyst, administrator): cross-agency views under the privacy rules. */
  | { kind: "national" }
  /** A member of a partner agency: its own figures next to national and peer figures. */
  | { kind: "agency"; agencyId: string };

const nationalRoles = new Set(["national_analyst", "administrator"]);
const agencyRoles = new Set(["agency_commander", "agency_trainer", "agency_analyst"]);

/** The viewer for a signed-in user (or null): agency roles need their agency from the session. */
export function viewerFor(user: { role: string; agencyId: string | null } | null): Viewer {
  if (!user) return { kind: "public" };
  if (nationalRoles.has(user.role)) return { kind: "national" };
  if (agencyRoles.has(user.role)) {
    if (!user.agencyId) throw new AnalyticsAccessError("An agency role without an agency cannot see agency analytics");
    return { kind: "agency", agencyId: user.agencyId };
  }
  return { kind: "public" };
}

/** The viewer may not see what was asked (a route answers 403). */
export class AnalyticsAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnalyticsAccessError";
  }
}
