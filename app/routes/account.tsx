import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  changeOwnPassword,
  endOwnSession,
  listUserSessions,
  remainingRecoveryCodes,
  signOutEverywhere,
} from "~/auth/accounts.server";
import { ChangePasswordSchema, fieldErrors, SessionIdSchema } from "~/auth/forms";
import { newPasswordErrors } from "~/auth/password-policy.server";
import { roleLabels } from "~/auth/permissions";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { clearedSessionCookie } from "~/auth/session.server";
import { CsrfInput, FormError, TextField, NewPasswordFields } from "~/auth/ui/fields";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/auth/ui/format";

export const { links, meta } = accountPage("Your account");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = await requireSignedInWithPermission(request, context, "update:account:own");
  const sessions = await listUserSessions(context.db, user.id);
  return {
    user: { displayName: user.displayName, email: user.email, role: roleLabels[user.role] },
    csrf: session.csrfToken,
    recoveryCodesLeft: await remainingRecoveryCodes(context.db, user.id),
    sessions: sessions.map((s) => ({
      id: s.idHash,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.idHash === session.idHash,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session, form } = await requirePermittedForm(request, context, "update:account:own");
  switch (form.get("intent")) {
    case "change-password": {
      const parsed = ChangePasswordSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success)
        return data({ intent: "change-password", errors: fieldErrors(parsed.error), done: null }, { status: 400 });
      const policy = newPasswordErrors(parsed.data.password, user.email);
      if (policy) return data({ intent: "change-password", errors: policy, done: null }, { status: 400 });
      const result = await changeOwnPassword(
        context.db,
        user.id,
        session.idHash,
        parsed.data.currentPassword,
        parsed.data.password,
      );
      if (!result.ok)
        return data(
          {
            intent: "change-password",
            errors: { [result.field]: result.message } as Record<string, string>,
            done: null,
          },
          { status: 400 },
        );
      return {
        intent: "change-password",
        errors: {} as Record<string, string>,
        done: "Your password is changed. Your other sessions were signed out.",
      };
    }
    case "end-session": {
      const parsed = SessionIdSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) throw new Response("Unknown session.", { status: 400 });
      const ended = await endOwnSession(context.db, user.id, parsed.data.sessionId);
      if (!ended) throw new Response("That session has already ended.", { status: 404 });
      if (parsed.data.sessionId === session.idHash)
        throw redirect("/sign-in", { headers: { "Set-Cookie": clearedSessionCookie() } });
      return { intent: "end-session", errors: {} as Record<string, string>, done: "The session was signed out." };
    }
    case "sign-out-everywhere": {
      await signOutEverywhere(context.db, user.id);
      throw redirect("/sign-in", { headers: { "Set-Cookie": clearedSessionCookie() } });
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

export default function Account() {
  const { user, csrf, sessions, recoveryCodesLeft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData?.intent === "change-password" ? actionData.errors : {};
  return (
    <main className="page narrow" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <p>
        <strong>{user.displayName}</strong> · {user.email} · {user.role}
      </p>
      {actionData?.done ? (
        <p className="notice ok" role="status">
          {actionData.done}
        </p>
      ) : null}

      <section className="settings-section" aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        <FormError message={errors.form} />
        <Form method="post">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="change-password" />
          <TextField
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.currentPassword}
          />
          <NewPasswordFields errors={errors} />
          <div className="form-actions">
            <button type="submit" className="primary">
              Change password
            </button>
          </div>
        </Form>
      </section>

      <section className="settings-section" aria-labelledby="mfa-title">
        <h2 id="mfa-title">Two-step verification</h2>
        {recoveryCodesLeft > 0 ? (
          <p>
            On. You have <strong>{recoveryCodesLeft}</strong> unused recovery code{recoveryCodesLeft === 1 ? "" : "s"}.
          </p>
        ) : (
          <p className="notice">
            On, but you have no recovery codes left. Create some, so that you can still sign in if you lose your phone.
          </p>
        )}
        <p>
          <Link to="/account/recovery-codes">
            {recoveryCodesLeft > 0 ? "Get new recovery codes" : "Create recovery codes"}
          </Link>
        </p>
      </section>

      <section className="settings-section" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you are signed in</h2>
        <p className="meta">Sessions end after 30 minutes without activity and 12 hours after sign-in.</p>
        <ul className="record-list">
          {sessions.map((s) => (
            <li className="record" key={s.id}>
              <h3>{s.current ? "This browser" : "Another browser"}</h3>
              <dl>
                <dt>Signed in</dt>
                <dd>{formatDateTime(s.createdAt)}</dd>
                <dt>Last active</dt>
                <dd>{formatDateTime(s.lastSeenAt)}</dd>
              </dl>
              <Form method="post">
                <CsrfInput token={csrf} />
                <input type="hidden" name="intent" value="end-session" />
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit">{s.current ? "Sign out here" : "Sign out this session"}</button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" className="form-actions">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="danger">
            Sign out everywhere
          </button>
        </Form>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
