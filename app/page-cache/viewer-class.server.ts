import type { AppLoadContext } from "@remix-run/node";
import type { ServerContext, ViewerClass } from "../../server/page-cache/page-cache";
import { getActiveSession, readSessionId } from "../auth/session.server";
import type { SessionUser } from "../auth/session-user.server";

const ANONYMOUS: ViewerClass = { kind: "anonymous" };

/**
 * The signed-in person of a request and their class for the page cache, or null for anyone else. Decided
 * as the pages decide it: a session that completed both factors is a signed-in person (the header and the
 * loaders use getActiveSession too). Their class carries what the site header shows of them and their
 * session's CSRF token.
 */
export async function signedInViewer(
  request: Request,
  context: ServerContext,
): Promise<{ user: SessionUser; viewer: ViewerClass & { kind: "user" } } | null> {
  if (!readSessionId(request)) return null; // no database read for readers without a session
  const session = await getActiveSession(request, context as AppLoadContext);
  if (!session?.mfaVerified) return null;
  const { id, email, role, agencyId, displayName } = session.user;
  return {
    user: { id, email, role, agencyId, displayName },
    viewer: {
      kind: "user",
      id,
      facts: JSON.stringify([role, agencyId, displayName]),
      secrets: { csrf: session.csrfToken },
    },
  };
}

/**
 * The viewer's class for the page cache: anyone not signed in — no cookie, an expired or half-finished
 * session — sees exactly what an anonymous reader sees.
 */
export async function viewerClass(request: Request, context: ServerContext): Promise<ViewerClass> {
  return (await signedInViewer(request, context))?.viewer ?? ANONYMOUS;
}
