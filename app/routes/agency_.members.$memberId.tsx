import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { changeMemberRole, findMember, removeMember } from "~/auth/accounts.server";
import { agencyRoleCodes, MemberRoleSchema } from "~/auth/forms";
import { roleLabels } from "~/auth/permissions";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { CsrfInput } from "~/auth/ui/fields";
import { formatDateTime } from "~/auth/ui/format";
import { RoleSection } from "~/auth/ui/role-form";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const { links, meta } = accountPage("Agency member");

const notFound = "There is no such member in your agency.";
const ParamsSchema = z.object({ memberId: z.string().uuid() });

// The member id comes from the URL, but it only narrows a query already limited to the commander's
// own agency (taken from the session): another agency's id finds nothing and answers 404.
function memberIdFrom(params: unknown): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response(notFound, { status: 404 });
  return parsed.data.memberId;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, session } = await requireSignedInWithPermission(request, context, "manage:member:own");
  const member = await findMember(context.db, user, memberIdFrom(params));
  if (!member) throw new Response(notFound, { status: 404 });
  return {
    csrf: session.csrfToken,
    self: member.id === user.id,
    member: { ...member, roleLabel: roleLabels[member.role], lastSignInAt: member.lastSignInAt?.toISOString() ?? null },
  };
}

const outcomes = {
  done: "Saved.",
  not_found: notFound,
  last_commander: "Your agency needs at least one commander: make someone else commander first.",
} as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "manage:member:own");
  const memberId = memberIdFrom(params);
  switch (form.get("intent")) {
    case "role": {
      const parsed = MemberRoleSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) throw new Response("Choose a role.", { status: 400 });
      const result = await changeMemberRole(context.db, user, memberId, parsed.data.role);
      if (result === "not_found") throw new Response(notFound, { status: 404 });
      return {
        ok: result === "done",
        message: result === "done" ? "Role changed. They sign in again to use it." : outcomes[result],
      };
    }
    case "remove": {
      const result = await removeMember(context.db, user, memberId);
      if (result === "not_found") throw new Response(notFound, { status: 404 });
      if (result === "done") throw redirect("/agency/members");
      return { ok: false, message: outcomes[result] };
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

const roleOptions = agencyRoleCodes.map((r) => ({ value: r, label: roleLabels[r] }));

export default function AgencyMember() {
  const { csrf, member, self } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <main className="page narrow" aria-labelledby="member-title">
      <p>
        <Link to="/agency/members">← All members</Link>
      </p>
      <h1 id="member-title">{member.displayName}</h1>
      <div className="record">
        <dl>
          <dt>Email</dt>
          <dd>{member.email}</dd>
          <dt>Role</dt>
          <dd>{member.roleLabel}</dd>
          <dt>Last sign-in</dt>
          <dd>{member.lastSignInAt ? formatDateTime(member.lastSignInAt) : "Never"}</dd>
        </dl>
      </div>
      {result ? (
        <p className={`notice ${result.ok ? "ok" : "danger"}`} role="status">
          {result.message}
        </p>
      ) : null}
      <RoleSection csrf={csrf} options={roleOptions} current={member.role} />
      <section className="settings-section danger-zone" aria-labelledby="remove-title">
        <h2 id="remove-title">Remove from the agency</h2>
        <p>
          {self
            ? "You are removing yourself: you will be signed out."
            : "Their account is disabled and signed out at once."}
        </p>
        <Form method="post">
          <CsrfInput token={csrf} />
          <button type="submit" name="intent" value="remove" className="danger">
            Remove member
          </button>
        </Form>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
