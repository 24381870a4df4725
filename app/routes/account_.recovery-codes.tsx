import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { remainingRecoveryCodes, replaceRecoveryCodes } from "~/auth/accounts.server";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { freshProofErrors } from "~/auth/reauthenticate.server";
import { ConfirmIdentityField, CsrfInput } from "~/auth/ui/fields";
import { RecoveryCodeList } from "~/auth/ui/recovery-codes";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { keepRetryAfter } from "~/http/keep-retry-after";

export const { links, meta } = accountPage("Recovery codes");
export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = await requireSignedInWithPermission(request, context, "update:account:own");
  return { csrf: session.csrfToken, left: await remainingRecoveryCodes(context.db, user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "update:account:own");
  const errors = await freshProofErrors(context, user.id, form);
  if (errors) return data({ codes: null, errors }, { status: 400 });
  return { codes: await replaceRecoveryCodes(context.db, user.id), errors: {} as Record<string, string> };
}

export default function RecoveryCodes() {
  const { csrf, left } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <main className="page narrow auth-page" aria-labelledby="codes-title">
      <h1 id="codes-title">Recovery codes</h1>
      {actionData?.codes ? (
        <>
          <p>Your old recovery codes no longer work. Save these new ones somewhere safe; they are shown only now.</p>
          <RecoveryCodeList codes={actionData.codes} />
          <p>
            <Link to="/account">Back to your account</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            You have {left} unused recovery code{left === 1 ? "" : "s"}. New codes replace all of them.
          </p>
          <Form method="post">
            <CsrfInput token={csrf} />
            <ConfirmIdentityField error={actionData?.errors.confirm} />
            <div className="form-actions">
              <button type="submit" className="primary">
                Create new recovery codes
              </button>
            </div>
          </Form>
          <p>
            <Link to="/account">Back to your account</Link>
          </p>
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
