import type { AppLoadContext } from "@remix-run/node";
import type { Role } from "../../db/schema/user.table";
import { getActiveSession } from "./session.server";

/** What the site header shows of the signed-in person, with the CSRF token of the sign-out form. */
export interface HeaderUser {
  displayName: string;
  role: Role;
  csrf: string;
}

export async function getHeaderUser(request: Request, context: AppLoadContext): Promise<HeaderUser | null> {
  const session = await getActiveSession(request, context);
  if (!session?.mfaVerified) return null;
  return { displayName: session.user.displayName, role: session.user.role, csrf: session.csrfToken };
}
