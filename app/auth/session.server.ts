import type { AppLoadContext } from "@remix-run/node";
import {
  type ActiveSession,
  findActiveSession,
  type NewSession,
  SESSION_ABSOLUTE_MS,
} from "../../db/accounts/sessions";
import { isAnonymousPath } from "../anonymous-paths";

// __Host- prefix: the browser only accepts it with Secure, Path=/ and no Domain, so no subdomain or
// plain-http page can set or overwrite it (docs/design.md §8). Browsers treat http://localhost and
// http://127.0.0.1 as secure contexts, so it works there too; any other host needs HTTPS.
export const SESSION_COOKIE = "__Host-closecall_session";

export function readSessionId(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

export function sessionCookie(session: NewSession): string {
  return (
    `${SESSION_COOKIE}=${session.id}; Path=/; Secure; HttpOnly; SameSite=Lax; ` +
    `Max-Age=${SESSION_ABSOLUTE_MS / 1000}`
  );
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/**
 * The request's live session (verified or still waiting for its second factor), or null.
 * Anonymous intake and receipt paths never look the session up: a staff member who also reports
 * leaves no session activity tied to the time of a report (docs/design.md §6).
 */
export async function getActiveSession(request: Request, context: AppLoadContext): Promise<ActiveSession | null> {
  if (isAnonymousPath(new URL(request.url).pathname)) return null;
  const id = readSessionId(request);
  if (!id) return null;
  const session = await findActiveSession(context.db, id);
  if (!session) return null;
  // Demo accounts are refused outside demo mode, also for sessions that outlived a restart.
  if (session.user.isDemo && !context.config.demo) return null;
  return session;
}
