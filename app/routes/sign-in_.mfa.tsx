import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAccountSecrets } from "~/auth/account-secrets.server";
import { completeSecondFactor } from "~/auth/accounts.server";
import { fieldErrors, SecondFactorSchema } from "~/auth/forms";
import { requirePendingForm, requirePendingSession } from "~/auth/permissions.server";
import { landingPath, safeRedirectPath } from "~/auth/redirect-path";
import { consumeAttempt, resetAttempts } from "~/auth/rate-limits.server";
import { clearedSessionCookie, sessionCookie } from "~/auth/session.server";
import { CsrfInput, FormError, TextField } from "~/auth/ui/fields";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { keepRetryAfter } from "~/http/keep-retry-after";

export const { links, meta } = accountPage("Two-step verification");
export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePendingSession(request, context);
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo")) ?? "";
  if (session.mfaVerified) throw redirect(landingPath(redirectTo, session.user.role));
  if (!session.user.mfaEnrolled)
    throw redirect(`/sign-in/enrol${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`);
  return {
    csrf: session.csrfToken,
    redirectTo,
    method: url.searchParams.get("method") === "recovery" ? ("recovery" as const) : ("totp" as const),
    demo: context.config.demo && session.user.isDemo,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, form } = await requirePendingForm(request, context);
  const box = requireAccountSecrets(context);
  const parsed = SecondFactorSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  await consumeAttempt(context.db, "secondFactor", session.user.id);
  const result = await completeSecondFactor(context.db, box, session, {
    kind: parsed.data.kind,
    code: parsed.data.code,
  });
  if (!result.ok) {
    if (result.reason === "locked") {
      throw redirect("/sign-in", { headers: { "Set-Cookie": clearedSessionCookie() } });
    }
    const message =
      parsed.data.kind === "totp"
        ? "That code is not right, or was already used. Wait for the next code and try again."
        : "That recovery code is not right or was already used.";
    return data({ errors: { code: message } as Record<string, string> }, { status: 400 });
  }
  await resetAttempts(context.db, "secondFactor", session.user.id);
  await resetAttempts(context.db, "password", session.user.email);
  throw redirect(landingPath(parsed.data.redirectTo, session.user.role), {
    headers: { "Set-Cookie": sessionCookie(result.session) },
  });
}

export default function SecondFactor() {
  const { csrf, redirectTo, method, demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const other = new URLSearchParams({
    ...(redirectTo ? { redirectTo } : {}),
    ...(method === "totp" ? { method: "recovery" } : {}),
  });
  return (
    <main className="page narrow auth-page" aria-labelledby="mfa-title">
      <h1 id="mfa-title">Two-step verification</h1>
      {method === "totp" ? (
        <p>Open your authenticator app and enter the 6-digit code for Close Call.</p>
      ) : (
        <p>Enter one of the recovery codes you saved when you set up two-step verification. Each code works once.</p>
      )}
      {demo && method === "totp" ? (
        <p className="notice info">
          Demo account: the code comes from the demo TOTP secret printed at server start (or run{" "}
          <code>npx closecall demo-code</code>).
        </p>
      ) : null}
      <FormError message={errors.form} />
      <Form method="post">
        <CsrfInput token={csrf} />
        <input type="hidden" name="kind" value={method} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {method === "totp" ? (
          <TextField
            name="code"
            label="6-digit code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={7}
            error={errors.code}
            // The only field of a step the user has just asked for: focus saves a tap and loses no context.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
          />
        ) : (
          <TextField
            name="code"
            label="Recovery code"
            autoComplete="off"
            required
            maxLength={19}
            error={errors.code}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- as above
            autoFocus
          />
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            Verify and sign in
          </button>
        </div>
      </Form>
      <div className="auth-alt">
        <p>
          <Link to={`/sign-in/mfa?${other}`}>
            {method === "totp" ? "Use a recovery code instead" : "Use my authenticator app instead"}
          </Link>
        </p>
        <p className="meta">
          Lost your phone and your recovery codes? A programme administrator can reset your two-step verification.
        </p>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
