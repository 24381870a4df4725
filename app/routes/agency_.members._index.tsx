import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  getOwnAgency,
  inviteMember,
  leaveProgramme,
  listMembers,
  listOpenInvitations,
  revokeInvitation,
  rotatePartnerCode,
} from "~/auth/accounts.server";
import {
  agencyRoleCodes,
  fieldErrors,
  InvitationIdSchema,
  InviteMemberSchema,
  LeaveProgrammeSchema,
} from "~/auth/forms";
import { invitationLink } from "~/auth/links.server";
import { roleLabels } from "~/auth/permissions";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { clearedSessionCookie } from "~/auth/session.server";
import { CsrfInput, SelectField, TextField } from "~/auth/ui/fields";
import { ActionNotices, type ActionResult as Result } from "~/auth/ui/action-result";
import { formatDate, formatDateTime } from "~/auth/ui/format";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const { links, meta } = accountPage("Agency members");

// Everything here is scoped to the agency of the signed-in commander by the data layer
// (db/accounts/agency-scope.ts): no agency id is ever read from the URL or a form.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = await requireSignedInWithPermission(request, context, "manage:member:own");
  const agency = await getOwnAgency(context.db, user);
  if (!agency) throw new Response("Your agency is not an active partner.", { status: 404 });
  const [members, invitations] = await Promise.all([
    listMembers(context.db, user),
    listOpenInvitations(context.db, user),
  ]);
  return {
    csrf: session.csrfToken,
    selfId: user.id,
    agency: {
      name: agency.name,
      joinedAt: agency.joinedAt?.toISOString() ?? null,
      hasPartnerCode: agency.hasPartnerCode,
    },
    members: members.map((m) => ({
      ...m,
      roleLabel: roleLabels[m.role],
      lastSignInAt: m.lastSignInAt?.toISOString() ?? null,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      roleLabel: roleLabels[i.role],
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "manage:member:own");
  const intent = String(form.get("intent") ?? "");
  switch (intent) {
    case "invite": {
      const values = { email: String(form.get("email") ?? "").slice(0, 254), role: String(form.get("role") ?? "") };
      const parsed = InviteMemberSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return data<Result>({ intent, errors: fieldErrors(parsed.error), values }, { status: 400 });
      const invitation = await inviteMember(context.db, user, { email: parsed.data.email, role: parsed.data.role });
      return data<Result>({
        intent,
        errors: {},
        secret: {
          label: `One-time invitation link for ${parsed.data.email} (valid 7 days, shown only now)`,
          value: invitationLink(context, invitation.token),
          note: "Send it to them yourself, e.g. by your agency email.",
        },
      });
    }
    case "revoke": {
      const parsed = InvitationIdSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success || !(await revokeInvitation(context.db, user, parsed.data.invitationId))) {
        throw new Response("There is no such open invitation in your agency.", { status: 404 });
      }
      return data<Result>({
        intent,
        errors: {},
        message: "The invitation was withdrawn; its link no longer works.",
      });
    }
    case "rotate-code": {
      const code = await rotatePartnerCode(context.db, user);
      return data<Result>({
        intent,
        errors: {},
        secret: {
          label: "Your agency's new partner code (shown only now)",
          value: code,
          note: "The previous code no longer works. Share the new one with your officers.",
        },
      });
    }
    case "leave": {
      const parsed = LeaveProgrammeSchema.safeParse(Object.fromEntries(form));
      const agency = await getOwnAgency(context.db, user);
      if (!parsed.success || !agency || parsed.data.confirmName !== agency.name) {
        return data<Result>(
          { intent, errors: { confirmName: "Type the agency's name exactly as shown to confirm." } },
          { status: 400 },
        );
      }
      const left = await leaveProgramme(context.db, user);
      // The agency's past reports now count only nationally: rebuild what analytics derived from the link.
      await context.deployment.refreshAnalytics(left.unlinkedReportIds);
      throw redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

const roleOptions = agencyRoleCodes.map((r) => ({ value: r, label: roleLabels[r] }));

export default function AgencyMembers() {
  const { csrf, selfId, agency, members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <main className="page narrow" aria-labelledby="members-title">
      <p className="eyebrow">{agency.name}</p>
      <h1 id="members-title">Agency members</h1>
      <ActionNotices result={result} />

      <ul className="record-list" aria-label="Members">
        {members.map((m) => (
          <li className="record" key={m.id}>
            <h2>
              {m.displayName}
              {m.id === selfId ? " (you)" : ""}
            </h2>
            <dl>
              <dt>Role</dt>
              <dd>{m.roleLabel}</dd>
              <dt>Email</dt>
              <dd>{m.email}</dd>
              <dt>Last sign-in</dt>
              <dd>
                {m.lastSignInAt ? formatDateTime(m.lastSignInAt) : "Never"}
                {m.mfaEnrolled ? "" : " · two-step verification not set up yet"}
              </dd>
            </dl>
            {m.id === selfId ? null : <Link to={`/agency/members/${m.id}`}>Change role or remove</Link>}
          </li>
        ))}
      </ul>

      <section className="settings-section" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite a member</h2>
        <p className="meta">
          You get a one-time link to send them. They choose a password and set up two-step verification.
        </p>
        <Form method="post">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="invite" />
          <TextField
            name="email"
            label="Their work email"
            type="email"
            required
            maxLength={254}
            defaultValue={result?.intent === "invite" ? result.values?.email : undefined}
            error={errors.email}
          />
          <SelectField
            name="role"
            label="Role"
            options={roleOptions}
            placeholder="Choose a role"
            defaultValue={result?.intent === "invite" ? result.values?.role : undefined}
            error={errors.role}
            hint="Commanders manage members and the partner code; trainers also export; analysts view dashboards."
          />
          <div className="form-actions">
            <button type="submit" className="primary">
              Create invitation link
            </button>
          </div>
        </Form>
        {invitations.length > 0 ? (
          <>
            <h3>Open invitations</h3>
            <ul className="record-list">
              {invitations.map((i) => (
                <li className="record" key={i.id}>
                  <p>
                    <strong>{i.email}</strong> · {i.roleLabel} · expires {formatDate(i.expiresAt)}
                  </p>
                  <Form method="post">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit">Withdraw invitation</button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="settings-section" aria-labelledby="code-title">
        <h2 id="code-title">Partner code</h2>
        <p>
          Officers type your agency's partner code on the report form when they choose to count a report toward your
          agency. It is stored only in scrambled form, so it cannot be shown again: if it has leaked or been lost, issue
          a new one.
        </p>
        <Form method="post">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="rotate-code" />
          <button type="submit">
            {agency.hasPartnerCode ? "Issue a new code (the old one stops working)" : "Issue a partner code"}
          </button>
        </Form>
      </section>

      <section className="settings-section danger-zone" aria-labelledby="leave-title">
        <h2 id="leave-title">Leave the programme</h2>
        <p>
          Your partner code stops working, past reports are no longer linked to your agency (they stay in national
          figures), and every member account of your agency, yours included, is disabled. This cannot be undone here.
        </p>
        <Form method="post">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="leave" />
          <TextField
            name="confirmName"
            label={`Type "${agency.name}" to confirm`}
            required
            maxLength={200}
            error={errors.confirmName}
          />
          <button type="submit" className="danger">
            Leave the programme
          </button>
        </Form>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
