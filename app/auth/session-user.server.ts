import type { AppLoadContext } from "@remix-run/node";
import type { Role } from "../../db/schema/user.table";

/** The signed-in person as routes see them (no secrets). */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** The agency of an agency role, from the session: never from the URL or a form (DESIGN §8). */
  agencyId: string | null;
}

/**
 * The signed-in user of this request, or null. Placeholder contract until the Accounts work lands:
 * it answers null (nobody is signed in) and is replaced by the real session lookup.
 */
export async function getSessionUser(_request: Request, _context: AppLoadContext): Promise<SessionUser | null> {
  return null;
}
