import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { fieldErrors, SignInSchema } from "~/auth/forms";
import { landingPath, safeRedirectPath } from "~/auth/redirect-path";
import { passwordStep } from "~/auth/sign-in-gate.server";
import { getActiveSession, sessionCookie } from "~/auth/session.server";
import { FormError, TextField } from "~/auth/ui/fields";
import { requireAuditLog } from "~/auth/account-secrets.server";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { keepRetryAfter } from "~/http/keep-retry-after";

export const { links, meta } = accountPage("Partner sign-in");
export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo")) ?? "";
  const session = await getActiveSession(request, context);
  if (session?.mfaVerified) throw redirect(landingPath(redirectTo, session.user.role));
  const notice = url.searchParams.has("welcome")
    ? "Your account is ready. Sign in to set up two-step verification."
    : url.searchParams.has("reset")
      ? "Your password is changed. Sign in with the new one."
      : null;
  return { redirectTo, demo: context.config.demo, notice };
}

const failures = {
  invalid: "Wrong email or password.",
  locked:
    "This account is locked for 15 minutes after too many failed attempts. Try again later or ask an administrator.",
  disabled: "This account is disabled. Ask your commander or a programme administrator.",
  demo_refused: "Demo accounts are turned off on this server.",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  requireAuditLog();
  const form = await request.formData();
  const parsed = SignInSchema.safeParse(Object.fromEntries(form));
  const email = String(form.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), email }, { status: 400 });
  const previous = await getActiveSession(request, context);
  const result = await passwordStep(context, {
    email: parsed.data.email,
    password: parsed.data.password,
    previousIdHash: previous?.idHash,
  });
  if (!result.ok) return data({ errors: { form: failures[result.reason] }, email }, { status: 400 });
  const next = result.next === "mfa" ? "/sign-in/mfa" : "/sign-in/enrol";
  const redirectTo = safeRedirectPath(parsed.data.redirectTo);
  const query = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : "";
  throw redirect(`${next}${query}`, { headers: { "Set-Cookie": sessionCookie(result.session) } });
}

export default function SignIn() {
  const { redirectTo, demo, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <main className="page narrow auth-page" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Partner sign-in</h1>
      <p>For reviewers, agency partners and programme staff. Officers who share a near miss never need an account.</p>
      {notice ? (
        <p className="notice ok" role="status">
          {notice}
        </p>
      ) : null}
      {demo ? (
        <p className="notice info">
          Demo server: the demo accounts, their password and the TOTP secret for the second step are printed when the
          server starts and listed in the README.
        </p>
      ) : null}
      <FormError message={errors.form} />
      <Form method="post" noValidate={false}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          defaultValue={actionData?.email}
          error={errors.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          error={errors.password}
        />
        <div className="form-actions">
          <button type="submit" className="primary">
            Continue
          </button>
        </div>
      </Form>
      <div className="auth-alt">
        <p className="meta">
          Forgot your password? Ask a programme administrator for a one-time reset link. Agency not yet a partner?{" "}
          <Link to="/partners/apply">Apply to join the programme</Link>.
        </p>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
