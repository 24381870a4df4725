import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { completePasswordReset, findOpenPasswordReset } from "~/auth/accounts.server";
import { fieldErrors, ResetPasswordSchema } from "~/auth/forms";
import { newPasswordErrors } from "~/auth/password-policy.server";
import { consumeAttempt } from "~/auth/rate-limits.server";
import { FormError, NewPasswordFields } from "~/auth/ui/fields";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { keepRetryAfter } from "~/http/keep-retry-after";

export const { links, meta } = accountPage("Choose a new password");
export const headers = keepRetryAfter;

const expired =
  "This reset link is not valid: it was used already, replaced by a newer one or has expired. Ask an " +
  "administrator for a new link.";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const reset = token ? await findOpenPasswordReset(context.db, token) : undefined;
  if (!reset) throw new Response(expired, { status: 404 });
  return { token, email: reset.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = ResetPasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  const reset = await findOpenPasswordReset(context.db, parsed.data.token);
  if (!reset) throw new Response(expired, { status: 404 });
  const policy = newPasswordErrors(parsed.data.password, reset.email);
  if (policy) return data({ errors: policy }, { status: 400 });
  // Only holders of a valid link get here: their hashes do not wait behind made-up sign-in emails.
  await consumeAttempt(context.db, "trustedHashing", "all");
  const done = await completePasswordReset(context.db, parsed.data.token, parsed.data.password);
  if (!done) return data({ errors: { form: expired } as Record<string, string> }, { status: 400 });
  throw redirect("/sign-in?reset=1");
}

export default function PasswordReset() {
  const { token, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <main className="page narrow auth-page" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <p>
        For <strong>{email}</strong>. Every session of this account is signed out when you save.
      </p>
      <FormError message={errors.form} />
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <NewPasswordFields errors={errors} />
        <div className="form-actions">
          <button type="submit" className="primary">
            Save new password
          </button>
        </div>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
