// Browser-safe: which role may do what. The server enforces these with the helpers in
// permissions.server.ts; the UI uses `userHasPermission` only to hide what the server forbids.
import type { Role } from "../../db/schema/user.table";

type Action = "read" | "review" | "publish" | "export" | "manage" | "rotate" | "leave" | "decide" | "update";
type Entity =
  | "report"
  | "submission"
  | "analytics"
  | "agency-library"
  | "member"
  | "partner-code"
  | "programme"
  | "enrolment"
  | "user"
  | "audit-log"
  | "taxonomy"
  | "retention"
  | "account"
  | "featured-report"
  | "api-token";
/** `own`: the person's own agency (or own account); `any`: programme-wide. */
type Access = "own" | "any";
export type PermissionString = `${Action}:${Entity}:${Access}`;

const everyone = ["read:report:any", "update:account:own"] as const satisfies readonly PermissionString[];
const agencyReader = [
  ...everyone,
  "read:analytics:own",
  "read:agency-library:own",
] as const satisfies readonly PermissionString[];

export const rolePermissions: Record<Role, readonly PermissionString[]> = {
  reviewer: [...everyone, "review:submission:any", "publish:report:any", "manage:featured-report:any"],
  administrator: [
    ...everyone,
    "manage:featured-report:any",
    "decide:enrolment:any",
    "manage:user:any",
    "read:audit-log:any",
    "manage:taxonomy:any",
    "manage:retention:any",
    "publish:report:any",
    "read:analytics:any",
  ],
  national_analyst: [...everyone, "read:analytics:any", "export:analytics:any"],
  agency_commander: [
    ...agencyReader,
    "export:analytics:own",
    "manage:member:own",
    "rotate:partner-code:own",
    "leave:programme:own",
    "manage:api-token:own",
  ],
  agency_trainer: [...agencyReader, "export:analytics:own"],
  agency_analyst: [...agencyReader],
};

export const roleLabels: Record<Role, string> = {
  reviewer: "Reviewer",
  administrator: "Administrator",
  national_analyst: "National analyst",
  agency_commander: "Agency commander",
  agency_trainer: "Agency trainer",
  agency_analyst: "Agency analyst",
};

export function roleHasPermission(role: Role, permission: PermissionString): boolean {
  return rolePermissions[role].includes(permission);
}

/** For the UI only (hiding links and buttons); never a substitute for the server check. */
export function userHasPermission(user: { role: Role } | null | undefined, permission: PermissionString): boolean {
  return user ? roleHasPermission(user.role, permission) : false;
}
