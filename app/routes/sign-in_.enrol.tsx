import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAccountSecrets } from "~/auth/account-secrets.server";
import {
  confirmMfaEnrolment,
  generateTotpSecret,
  openEnrolmentSecret,
  sealEnrolmentSecret,
  setEnrolmentSecret,
  takeRecoveryCodesToShow,
  totpAuthUri,
} from "~/auth/accounts.server";
import { EnrolmentSchema, fieldErrors } from "~/auth/forms";
import { requirePendingForm, requirePendingSession } from "~/auth/permissions.server";
import { qrCodeDataUri } from "~/auth/qr-code.server";
import { consumeAttempt, resetAttempts } from "~/auth/rate-limits.server";
import { landingPath, safeRedirectPath } from "~/auth/redirect-path";
import { clearedSessionCookie, sessionCookie } from "~/auth/session.server";
import { CsrfInput, TextField } from "~/auth/ui/fields";
import { RecoveryCodeList } from "~/auth/ui/recovery-codes";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { keepRetryAfter } from "~/http/keep-retry-after";

export const { links, meta } = accountPage("Set up two-step verification");
export const headers = keepRetryAfter;

const withRedirectTo = (path: string, redirectTo: string) =>
  redirectTo ? `${path}?${new URLSearchParams({ redirectTo })}` : path;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePendingSession(request, context);
  const box = requireAccountSecrets(context);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")) ?? "";
  // After enrolment the action redirects here: the recovery codes it issued are shown once, with or
  // without JavaScript.
  if (session.mfaVerified) {
    return {
      enrolled: true as const,
      next: landingPath(redirectTo, session.user.role),
      recoveryCodes: await takeRecoveryCodesToShow(context.db, box, session.idHash),
    };
  }
  if (session.user.mfaEnrolled) throw redirect(withRedirectTo("/sign-in/mfa", redirectTo));
  let secret: string;
  if (session.sealedEnrolmentSecret) {
    secret = openEnrolmentSecret(box, session.idHash, session.sealedEnrolmentSecret);
  } else {
    secret = generateTotpSecret();
    await setEnrolmentSecret(context.db, session.idHash, sealEnrolmentSecret(box, session.idHash, secret));
  }
  return {
    enrolled: false as const,
    redirectTo,
    csrf: session.csrfToken,
    secret: secret.replace(/(.{4})/g, "$1 ").trim(),
    qrCode: qrCodeDataUri(totpAuthUri(secret, session.user.email)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, form } = await requirePendingForm(request, context);
  const box = requireAccountSecrets(context);
  const redirectTo = safeRedirectPath(String(form.get("redirectTo") ?? "")) ?? "";
  const parsed = EnrolmentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  await consumeAttempt(context.db, "secondFactor", session.user.id);
  const result = await confirmMfaEnrolment(context.db, box, session, parsed.data.code);
  if (!result.ok) {
    if (result.reason === "locked") throw redirect("/sign-in", { headers: { "Set-Cookie": clearedSessionCookie() } });
    // Another sign-in of this account enrolled first: its authenticator is the one that counts now.
    if (result.reason === "already_enrolled") throw redirect(withRedirectTo("/sign-in/mfa", redirectTo));
    const message =
      result.reason === "no_secret"
        ? "The set-up expired. Reload the page to start again."
        : "That code is not right. Check the time on your phone and try the next code.";
    return data({ errors: { code: message } as Record<string, string> }, { status: 400 });
  }
  await resetAttempts(context.db, "secondFactor", session.user.id);
  await resetAttempts(context.db, "password", session.user.email);
  throw redirect(withRedirectTo("/sign-in/enrol", redirectTo), {
    headers: { "Set-Cookie": sessionCookie(result.session) },
  });
}

export default function EnrolMfa() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (loaderData.enrolled) {
    return (
      <main className="page narrow auth-page" aria-labelledby="enrol-title">
        <h1 id="enrol-title">Two-step verification is on</h1>
        {loaderData.recoveryCodes ? (
          <>
            <p>
              Save these recovery codes somewhere safe, away from your phone. Each one signs you in once if you lose
              your authenticator. They are shown only now.
            </p>
            <RecoveryCodeList codes={loaderData.recoveryCodes} />
            <p>
              <Link className="button primary" to={loaderData.next}>
                I have saved my codes — continue
              </Link>
            </p>
          </>
        ) : (
          <p>
            <Link to={loaderData.next}>Continue</Link>
          </p>
        )}
      </main>
    );
  }
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <main className="page narrow auth-page" aria-labelledby="enrol-title">
      <h1 id="enrol-title">Set up two-step verification</h1>
      <p>Every Close Call account signs in with a password and a code from an authenticator app on your phone.</p>
      <ol className="stack">
        <li>
          <p>In your authenticator app, add an account by scanning this code:</p>
          <div className="totp-setup">
            <img
              src={loaderData.qrCode}
              alt="QR code for your authenticator app. If you cannot scan it, type the key shown below instead."
            />
          </div>
          <p>or by typing this key:</p>
          <p>
            <span className="secret-text" aria-label="Set-up key">
              {loaderData.secret}
            </span>
          </p>
        </li>
        <li>
          <Form method="post">
            <CsrfInput token={loaderData.csrf} />
            <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
            <TextField
              name="code"
              label="Enter the 6-digit code the app shows"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={7}
              error={errors.code}
            />
            <div className="form-actions">
              <button type="submit" className="primary">
                Turn on two-step verification
              </button>
            </div>
          </Form>
        </li>
      </ol>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
