import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { inviteProgrammeStaff, listUsers } from "~/auth/accounts.server";
import { fieldErrors, InviteStaffSchema, programmeRoleCodes } from "~/auth/forms";
import { invitationLink } from "~/auth/links.server";
import { roleLabels } from "~/auth/permissions";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { CsrfInput, OneTimeSecret, SelectField, TextField } from "~/auth/ui/fields";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const { links, meta } = accountPage("Users");

const SearchSchema = z.object({ q: z.string().trim().max(100).catch("") });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session } = await requireSignedInWithPermission(request, context, "manage:user:any");
  const { q } = SearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const users = await listUsers(context.db, q);
  return {
    csrf: session.csrfToken,
    q,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: roleLabels[u.role],
      agencyName: u.agencyName,
      status: u.status,
      locked: !!u.lockedUntil && u.lockedUntil > new Date(),
      mfaEnrolled: u.mfaEnrolled,
      isDemo: u.isDemo,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "manage:user:any");
  const values = { email: String(form.get("email") ?? "").slice(0, 254), role: String(form.get("role") ?? "") };
  const parsed = InviteStaffSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, invited: null }, { status: 400 });
  const invitation = await inviteProgrammeStaff(context.db, {
    email: parsed.data.email,
    role: parsed.data.role,
    by: user.id,
  });
  return {
    errors: {} as Record<string, string>,
    values: { email: "", role: "" },
    invited: { email: parsed.data.email, link: invitationLink(context, invitation.token) },
  };
}

const roleOptions = programmeRoleCodes.map((r) => ({ value: r, label: roleLabels[r] }));

export default function Users() {
  const { csrf, q, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <main className="page" aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <Form method="get" className="search-form" role="search">
        <TextField name="q" label="Find by email, name or agency" defaultValue={q} />
        <button type="submit">Search</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>
            {users.length} account{users.length === 1 ? "" : "s"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Agency</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link>
                  <br />
                  <span className="meta">{u.email}</span>
                </td>
                <td>{u.role}</td>
                <td>{u.agencyName ?? "—"}</td>
                <td>
                  {u.status === "active"
                    ? u.locked
                      ? "Locked"
                      : u.mfaEnrolled
                        ? "Active"
                        : "Active, MFA not set up"
                    : "Disabled"}
                  {u.isDemo ? " · demo" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="settings-section" aria-labelledby="invite-title">
        <h2 id="invite-title">Add programme staff</h2>
        <p className="meta">
          Agency members are invited by their agency's commander. Here you invite reviewers, administrators and national
          analysts.
        </p>
        {actionData?.invited ? (
          <OneTimeSecret
            label={`One-time link for ${actionData.invited.email} (valid 7 days, shown only now)`}
            value={actionData.invited.link}
          />
        ) : null}
        <Form method="post">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="invite" />
          <TextField
            name="email"
            label="Email"
            type="email"
            required
            maxLength={254}
            defaultValue={actionData?.values.email}
            error={errors.email}
          />
          <SelectField
            name="role"
            label="Role"
            options={roleOptions}
            placeholder="Choose a role"
            defaultValue={actionData?.values.role}
            error={errors.role}
          />
          <div className="form-actions">
            <button type="submit" className="primary">
              Create invitation link
            </button>
          </div>
        </Form>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
