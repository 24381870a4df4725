import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { changeUserRole, getUserListing, issuePasswordReset, setUserStatus } from "~/auth/accounts.server";
import { agencyRoleCodes, PasswordResetIssueSchema, programmeRoleCodes, UserRoleSchema } from "~/auth/forms";
import { passwordResetLink } from "~/auth/links.server";
import { roleLabels } from "~/auth/permissions";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { CsrfInput, OneTimeSecret } from "~/auth/ui/fields";
import { formatDateTime } from "~/auth/ui/format";
import { RoleSection } from "~/auth/ui/role-form";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const { links, meta } = accountPage("User");

const ParamsSchema = z.object({ userId: z.string().uuid() });

function userIdFrom(params: unknown): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response("There is no such user.", { status: 404 });
  return parsed.data.userId;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user: admin, session } = await requireSignedInWithPermission(request, context, "manage:user:any");
  const target = await getUserListing(context.db, userIdFrom(params));
  if (!target) throw new Response("There is no such user.", { status: 404 });
  return {
    csrf: session.csrfToken,
    self: target.id === admin.id,
    user: {
      ...target,
      roleLabel: roleLabels[target.role],
      lockedUntil: target.lockedUntil && target.lockedUntil > new Date() ? target.lockedUntil.toISOString() : null,
      lastSignInAt: target.lastSignInAt?.toISOString() ?? null,
      agencyRole: (agencyRoleCodes as readonly string[]).includes(target.role),
    },
  };
}

const outcomes = {
  done: "Saved. The person's sessions were ended so the change applies at once.",
  not_found: "There is no such user.",
  self: "You cannot change your own role or status here; ask another administrator.",
  last_administrator: "This is the last active administrator: add another one first.",
  wrong_kind: "Agency roles and programme roles do not mix: invite a new account instead.",
} as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user: admin, form } = await requirePermittedForm(request, context, "manage:user:any");
  const userId = userIdFrom(params);
  switch (form.get("intent")) {
    case "role": {
      const parsed = UserRoleSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) throw new Response("Choose a role.", { status: 400 });
      const result = await changeUserRole(context.db, { userId, role: parsed.data.role, by: admin.id });
      if (result === "not_found") throw new Response(outcomes.not_found, { status: 404 });
      return { message: outcomes[result], ok: result === "done", resetLink: null };
    }
    case "disable":
    case "enable": {
      const result = await setUserStatus(context.db, {
        userId,
        status: form.get("intent") === "disable" ? "disabled" : "active",
        by: admin.id,
      });
      if (result === "not_found") throw new Response(outcomes.not_found, { status: 404 });
      return { message: outcomes[result], ok: result === "done", resetLink: null };
    }
    case "reset-password": {
      const parsed = PasswordResetIssueSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) throw new Response("Unknown option.", { status: 400 });
      if (!(await getUserListing(context.db, userId))) throw new Response(outcomes.not_found, { status: 404 });
      const reset = await issuePasswordReset(context.db, {
        userId,
        issuedBy: admin.id,
        resetMfa: parsed.data.resetMfa === "on",
      });
      return {
        message: "Reset link created. The person's sessions were ended.",
        ok: true,
        resetLink: passwordResetLink(context, reset.token),
      };
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

export default function UserDetail() {
  const { csrf, self, user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const roleOptions = (user.agencyRole ? agencyRoleCodes : programmeRoleCodes).map((r) => ({
    value: r,
    label: roleLabels[r],
  }));
  return (
    <main className="page narrow" aria-labelledby="user-title">
      <p>
        <Link to="/admin/users">← All users</Link>
      </p>
      <h1 id="user-title">{user.displayName}</h1>
      <div className="record">
        <dl>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>
            {user.roleLabel}
            {user.agencyName ? ` · ${user.agencyName}` : ""}
          </dd>
          <dt>Status</dt>
          <dd>
            {user.status === "active" ? "Active" : "Disabled"}
            {user.lockedUntil ? ` · locked until ${formatDateTime(user.lockedUntil)}` : ""}
            {user.isDemo ? " · demo account" : ""}
          </dd>
          <dt>Two-step verification</dt>
          <dd>{user.mfaEnrolled ? "Set up" : "Not yet set up (asked at next sign-in)"}</dd>
          <dt>Last sign-in</dt>
          <dd>{formatDateTime(user.lastSignInAt)}</dd>
        </dl>
      </div>
      {actionData ? (
        <p className={`notice ${actionData.ok ? "ok" : "danger"}`} role="status">
          {actionData.message}
        </p>
      ) : null}
      {actionData?.resetLink ? (
        <OneTimeSecret
          label="One-time password reset link (valid 24 hours, shown only now)"
          value={actionData.resetLink}
          note="Pass it to the person over a trusted channel."
        />
      ) : null}
      {self ? (
        <p className="meta">
          This is your own account: change your password in <Link to="/account">your account</Link>.
        </p>
      ) : (
        <>
          <RoleSection csrf={csrf} options={roleOptions} current={user.role} />
          <section className="settings-section" aria-labelledby="reset-title">
            <h2 id="reset-title">Password reset</h2>
            <p>
              Creates a one-time link for the person to choose a new password. There is no email: you pass the link on.
            </p>
            <Form method="post">
              <CsrfInput token={csrf} />
              <input type="hidden" name="intent" value="reset-password" />
              <label className="choice">
                <input type="checkbox" name="resetMfa" value="on" />{" "}
                <span>Also reset two-step verification (lost phone): they set it up again at next sign-in</span>
              </label>
              <div className="form-actions">
                <button type="submit">Create reset link</button>
              </div>
            </Form>
          </section>
          <section className="settings-section danger-zone" aria-labelledby="status-title">
            <h2 id="status-title">{user.status === "active" ? "Disable account" : "Enable account"}</h2>
            <p>
              {user.status === "active"
                ? "A disabled account cannot sign in, and its sessions end at once."
                : "The person can sign in again."}
            </p>
            <Form method="post">
              <CsrfInput token={csrf} />
              <button
                type="submit"
                name="intent"
                value={user.status === "active" ? "disable" : "enable"}
                className={user.status === "active" ? "danger" : ""}
              >
                {user.status === "active" ? "Disable account" : "Enable account"}
              </button>
            </Form>
          </section>
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
