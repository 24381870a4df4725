import { type AppLoadContext, redirect } from "@remix-run/node";
import type { ActiveSession } from "../../db/accounts/sessions";
import { sameSecret } from "../../db/accounts/tokens";
import { appendAuditEntry } from "../../db/audit/audit-log";
import { type PermissionString, roleHasPermission } from "./permissions";
import { getActiveSession } from "./session.server";
import type { SessionUser } from "./session-user.server";

// Server-side enforcement (docs/design.md §10, convention 2): helpers that return the signed-in person or throw —
// a redirect to sign-in for nobody, a 403 for the wrong person. Routes call one of these first.

export interface SignedIn {
  user: SessionUser;
  session: ActiveSession;
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(`/sign-in?${new URLSearchParams({ redirectTo: back })}`);
}

export async function requireSignedIn(request: Request, context: AppLoadContext): Promise<SignedIn> {
  const session = await getActiveSession(request, context);
  if (!session?.mfaVerified) throw signInRedirect(request);
  const { id, email, displayName, role, agencyId } = session.user;
  return { session, user: { id, email, displayName, role, agencyId } };
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  return (await requireSignedIn(request, context)).user;
}

async function deny(request: Request, context: AppLoadContext, user: SessionUser, why: string): Promise<never> {
  await appendAuditEntry(context.db, {
    actorUserId: user.id,
    action: "permission.denied",
    targetType: "route",
    targetId: new URL(request.url).pathname,
    detail: { why },
  });
  throw new Response("Your account does not have access to this page.", { status: 403 });
}

export async function requireUserWithPermission(
  request: Request,
  context: AppLoadContext,
  permission: PermissionString,
): Promise<SessionUser> {
  return (await requireSignedInWithPermission(request, context, permission)).user;
}

export async function requireSignedInWithPermission(
  request: Request,
  context: AppLoadContext,
  permission: PermissionString,
): Promise<SignedIn> {
  const signedIn = await requireSignedIn(request, context);
  if (!roleHasPermission(signedIn.user.role, permission)) await deny(request, context, signedIn.user, permission);
  return signedIn;
}

/** Checks the hidden CSRF field of a form against the session's token (403 otherwise). */
export async function requireCsrf(
  request: Request,
  context: AppLoadContext,
  session: ActiveSession,
  form: FormData,
): Promise<void> {
  const token = form.get("csrf");
  if (typeof token === "string" && sameSecret(token, session.csrfToken)) return;
  await appendAuditEntry(context.db, {
    actorUserId: session.user.id,
    action: "permission.denied",
    targetType: "route",
    targetId: new URL(request.url).pathname,
    detail: { why: "csrf" },
  });
  throw new Response("This form has expired or did not come from this site. Reload the page and try again.", {
    status: 403,
  });
}

export interface SignedInForm extends SignedIn {
  form: FormData;
}

/**
 * For actions: the signed-in person with the permission, and their form after its CSRF token
 * checked out. Every authenticated form posts through this.
 */
export async function requirePermittedForm(
  request: Request,
  context: AppLoadContext,
  permission: PermissionString,
): Promise<SignedInForm> {
  const signedIn = await requireSignedInWithPermission(request, context, permission);
  const form = await request.formData();
  await requireCsrf(request, context, signedIn.session, form);
  return { ...signedIn, form };
}

/** A session that passed the password and waits for its second factor (sign-in MFA pages). */
export async function requirePendingSession(request: Request, context: AppLoadContext): Promise<ActiveSession> {
  const session = await getActiveSession(request, context);
  if (!session) throw redirect("/sign-in");
  return session;
}

/** For the second-factor actions: the pending session, and its form after its CSRF token checked out. */
export async function requirePendingForm(
  request: Request,
  context: AppLoadContext,
): Promise<{ session: ActiveSession; form: FormData }> {
  const session = await requirePendingSession(request, context);
  const form = await request.formData();
  await requireCsrf(request, context, session, form);
  return { session, form };
}
