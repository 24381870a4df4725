import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { acceptInvitation, findOpenInvitation } from "~/auth/accounts.server";
import { AcceptInvitationSchema, fieldErrors } from "~/auth/forms";
import { newPasswordErrors } from "~/auth/password-policy.server";
import { roleLabels } from "~/auth/permissions";
import { consumeAttempt } from "~/auth/rate-limits.server";
import { FormError, TextField, NewPasswordFields } from "~/auth/ui/fields";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { keepRetryAfter } from "~/http/keep-retry-after";

export const { links, meta } = accountPage("Accept your invitation");
export const headers = keepRetryAfter;

const expired =
  "This invitation link is not valid: it was used already, withdrawn or has expired. Ask the person who invited " +
  "you for a new one.";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const invitation = token ? await findOpenInvitation(context.db, token) : undefined;
  if (!invitation) throw new Response(expired, { status: 404 });
  return { token, email: invitation.email, role: roleLabels[invitation.role], agencyName: invitation.agency_name };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = AcceptInvitationSchema.safeParse(Object.fromEntries(form));
  const displayName = String(form.get("displayName") ?? "").slice(0, 80);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), displayName }, { status: 400 });
  const invitation = await findOpenInvitation(context.db, parsed.data.token);
  if (!invitation) throw new Response(expired, { status: 404 });
  const policy = newPasswordErrors(parsed.data.password, invitation.email);
  if (policy) return data({ errors: policy, displayName }, { status: 400 });
  // Only holders of a valid link get here: their hashes do not wait behind made-up sign-in emails.
  await consumeAttempt(context.db, "trustedHashing", "all");
  const result = await acceptInvitation(context.db, parsed.data.token, {
    displayName: parsed.data.displayName,
    password: parsed.data.password,
  });
  if (!result.ok) {
    const message =
      result.reason === "email_taken"
        ? "An account with this email already exists. Sign in, or ask an administrator."
        : expired;
    return data({ errors: { form: message } as Record<string, string>, displayName }, { status: 400 });
  }
  throw redirect("/sign-in?welcome=1");
}

export default function AcceptInvitation() {
  const { token, email, role, agencyName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <main className="page narrow auth-page" aria-labelledby="invite-title">
      <h1 id="invite-title">Set up your account</h1>
      <p>
        You are invited as <strong>{role}</strong>
        {agencyName ? (
          <>
            {" "}
            of <strong>{agencyName}</strong>
          </>
        ) : null}
        , with the email <strong>{email}</strong>. Choose a password; at your first sign-in you will set up two-step
        verification.
      </p>
      <FormError message={errors.form} />
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <TextField
          name="displayName"
          label="Your name"
          required
          maxLength={80}
          defaultValue={actionData?.displayName}
          error={errors.displayName}
          autoComplete="name"
        />
        <NewPasswordFields errors={errors} label="Password" />
        <div className="form-actions">
          <button type="submit" className="primary">
            Create my account
          </button>
        </div>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
