import type { AppLoadContext } from "@remix-run/node";
import type { ServerContext, ViewerClass } from "../../server/page-cache/page-cache";
import { getActiveSession, readSessionId } from "../auth/session.server";

const ANONYMOUS: ViewerClass = { kind: "anonymous" };

/**
 * The viewer's class for the page cache, decided as the pages decide it: a session that completed both
 * factors is a signed-in person (the header and the loaders use getActiveSession too); anything else —
 * no cookie, an expired or half-finished session — sees exactly what an anonymous reader sees. A
 * signed-in person's class carries what the site header shows of them and their session's CSRF token.
 */
export async function viewerClass(request: Request, context: ServerContext): Promise<ViewerClass> {
  if (!readSessionId(request)) return ANONYMOUS; // no database read for readers without a session
  const session = await getActiveSession(request, context as AppLoadContext);
  if (!session?.mfaVerified) return ANONYMOUS;
  const { id, role, agencyId, displayName } = session.user;
  return {
    kind: "user",
    id,
    facts: JSON.stringify([role, agencyId, displayName]),
    secrets: { csrf: session.csrfToken },
  };
}
