// Browser-safe: where a person goes after signing in.
import type { Role } from "../../db/schema/user.table";

// Any origin will do: only whether the value stays on it matters, and it never reaches a response.
const BASE = "http://closecall.invalid";

/**
 * A same-origin path to come back to after signing in, or null (open-redirect guard).
 * Browsers strip tabs and newlines from a Location and read `\` as `/`, so `/\t/evil.example` and
 * `/\evil.example` both leave the site: any control, non-ASCII or backslash character is refused
 * outright, and what remains must resolve on our own origin to a path that does not start with `//`.
 */
export function safeRedirectPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000 || !value.startsWith("/")) return null;
  if (/[^\x21-\x7e]|\\/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where each role starts its work (a commander lands on the dashboard, not on /account). */
export const HOME_OF_ROLE: Record<Role, string> = {
  reviewer: "/review",
  administrator: "/admin/enrolments",
  national_analyst: "/national",
  agency_commander: "/agency",
  agency_trainer: "/agency",
  agency_analyst: "/agency",
};

/** The requested page when it is safe, otherwise the person's home. */
export function landingPath(redirectTo: string | null | undefined, role: Role): string {
  return safeRedirectPath(redirectTo) ?? HOME_OF_ROLE[role];
}
