import type { AppLoadContext } from "@remix-run/node";
import type { Role } from "../../db/schema/user.table";
import { getActiveSession } from "./session.server";

/** The signed-in person as routes see them (no secrets). */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** The agency of an agency role, from the session: never from the URL or a form (docs/design.md §8). */
  agencyId: string | null;
}

/**
 * The signed-in user of this request, or null. Only a session that completed both factors counts;
 * one still waiting for its TOTP code is not signed in.
 */
export async function getSessionUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const session = await getActiveSession(request, context);
  if (!session?.mfaVerified) return null;
  const { id, email, displayName, role, agencyId } = session.user;
  return { id, email, displayName, role, agencyId };
}
