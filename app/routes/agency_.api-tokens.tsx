import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getOwnAgency } from "~/auth/accounts.server";
import { fieldErrors } from "~/auth/forms";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { freshProofErrors } from "~/auth/reauthenticate.server";
import { ConfirmIdentityField, CsrfInput, SelectField, TextField } from "~/auth/ui/fields";
import { ActionNotices, type ActionResult as Result } from "~/auth/ui/action-result";
import { formatDate, formatDateTime } from "~/auth/ui/format";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "~/api/api-token-forms";
import { createApiToken, listApiTokens, revokeApiToken, type TOKEN_LIFETIMES } from "~/api/api-tokens.server";
import exportStyles from "~/exports/exports.css";

export const { links, meta } = accountPage("API tokens", exportStyles);

// Tokens of the signed-in commander's own agency only: the data layer takes the agency from the session.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = await requireSignedInWithPermission(request, context, "manage:api-token:own");
  const agency = await getOwnAgency(context.db, user);
  if (!agency) throw new Response("Your agency is not an active partner.", { status: 404 });
  const tokens = await listApiTokens(context.db, user);
  return {
    csrf: session.csrfToken,
    agencyName: agency.name,
    origin: context.config.publicUrl,
    tokens: tokens.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "manage:api-token:own");
  const intent = String(form.get("intent") ?? "");
  switch (intent) {
    case "create": {
      const values = { name: String(form.get("name") ?? "").slice(0, 200), days: String(form.get("days") ?? "") };
      const parsed = CreateApiTokenSchema.safeParse(values);
      if (!parsed.success) return data<Result>({ intent, errors: fieldErrors(parsed.error), values }, { status: 400 });
      const proof = await freshProofErrors(context, user.id, form);
      if (proof) return data<Result>({ intent, errors: proof, values }, { status: 400 });
      const days = Number(parsed.data.days) as (typeof TOKEN_LIFETIMES)[number];
      const issued = await createApiToken(context.db, user, { name: parsed.data.name, days });
      return data<Result>({
        intent,
        errors: {},
        secret: {
          label:
            `API token “${issued.name}” (works until ${formatDate(issued.expiresAt.toISOString())}; shown only ` +
            `now)`,
          value: issued.token,
          note:
            "Copy it into the tool that will use it. It is stored only in scrambled form and cannot be shown " +
            "again; if it is lost, revoke it and create another.",
        },
      });
    }
    case "revoke": {
      const parsed = RevokeApiTokenSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success || !(await revokeApiToken(context.db, user, parsed.data.tokenId))) {
        throw new Response("There is no such active token in your agency.", { status: 404 });
      }
      return data<Result>({
        intent,
        errors: {},
        message: "The token was revoked: requests with it are refused from now on.",
      });
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

const lifetimeOptions = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

const statusLabels = { active: "Active", revoked: "Revoked", expired: "Expired" } as const;

export default function ApiTokens() {
  const { csrf, agencyName, origin, tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values = result?.intent === "create" && !result.secret ? result.values : undefined;
  return (
    <main className="page narrow" aria-labelledby="tokens-title">
      <p className="eyebrow">{agencyName}</p>
      <h1 id="tokens-title">API tokens</h1>
      <p className="lead">
        A token lets your agency's own tools read your dashboard's figures and the reports officers shared with your
        agency, as JSON. It can only read, only your agency's data, with the same privacy rules as the dashboard.
      </p>
      <ActionNotices result={result} />

      <section className="settings-section" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Create a token</h2>
        {/* A new key after a token is made: the form starts empty again. */}
        <Form method="post" key={result?.secret?.value ?? "new-token"}>
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="name"
            label="What will use it"
            required
            maxLength={80}
            defaultValue={values?.name}
            error={errors.name}
            hint="For example “Training unit spreadsheet”. It helps you decide later which token to revoke."
          />
          <SelectField
            name="days"
            label="Works for"
            options={lifetimeOptions}
            defaultValue={values?.days ?? "90"}
            error={errors.days}
          />
          <ConfirmIdentityField error={errors.confirm} />
          <div className="form-actions">
            <button type="submit" className="primary">
              Create token
            </button>
          </div>
        </Form>
      </section>

      <section className="settings-section" aria-labelledby="tokens-list-title">
        <h2 id="tokens-list-title">Your agency's tokens</h2>
        {tokens.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="record-list" aria-label="API tokens">
            {tokens.map((t) => (
              <li className="record" key={t.id}>
                <h3>
                  {t.name} <span className={`badge token-${t.status}`}>{statusLabels[t.status]}</span>
                </h3>
                <dl>
                  <dt>Starts with</dt>
                  <dd>
                    <code>{t.prefix}…</code>
                  </dd>
                  <dt>Created</dt>
                  <dd>
                    {formatDate(t.createdAt)} by {t.createdBy}
                  </dd>
                  <dt>{t.status === "expired" ? "Expired" : "Expires"}</dt>
                  <dd>{formatDate(t.expiresAt)}</dd>
                  <dt>Last used</dt>
                  <dd>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</dd>
                  {t.revokedAt ? (
                    <>
                      <dt>Revoked</dt>
                      <dd>{formatDateTime(t.revokedAt)}</dd>
                    </>
                  ) : null}
                </dl>
                {t.status === "active" ? (
                  <Form method="post">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="tokenId" value={t.id} />
                    <button type="submit" className="danger" aria-label={`Revoke token ${t.name}`}>
                      Revoke
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="settings-section" aria-labelledby="use-title">
        <h2 id="use-title">Using a token</h2>
        <p>
          Send it in the <code>Authorization</code> header of a GET request (never in the address). The filters are the
          dashboard's.
        </p>
        <pre className="api-example">
          <code>{`curl -H "Authorization: Bearer ccapi_…" \\
  "${origin}/api/v1/profile?from=2024-01&to=2025-12"`}</code>
        </pre>
        <ul>
          <li>
            <code>/api/v1/profile</code>: your factor profile against the nation (or <code>vs=size</code>,{" "}
            <code>vs=region</code>)
          </li>
          <li>
            <code>/api/v1/trends</code>: monthly and quarterly series with alert levels and trend tests
          </li>
          <li>
            <code>/api/v1/reports</code>: reports officers shared with your agency (parameters <code>page</code>,{" "}
            <code>size</code> up to 100)
          </li>
        </ul>
        <p className="meta">
          Each token may make 60 requests a minute. A token stops working when it is revoked, when it expires, and when
          the commander who created it no longer commands your agency.
        </p>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
