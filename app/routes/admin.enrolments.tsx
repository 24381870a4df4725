import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { decideApplication, listPendingApplications } from "~/auth/accounts.server";
import { EnrolmentDecisionSchema } from "~/auth/forms";
import { invitationLink } from "~/auth/links.server";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { CsrfInput, OneTimeSecret } from "~/auth/ui/fields";
import { formatDate } from "~/auth/ui/format";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { labels } from "../../domain/taxonomy/index";

export const { links, meta } = accountPage("Agency enrolments");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session } = await requireSignedInWithPermission(request, context, "decide:enrolment:any");
  const applications = await listPendingApplications(context.db);
  return {
    csrf: session.csrfToken,
    applications: applications.map((a) => ({ ...a, appliedAt: a.appliedAt.toISOString() })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "decide:enrolment:any");
  const parsed = EnrolmentDecisionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Unknown decision or application.", { status: 400 });
  const result = await decideApplication(context.db, {
    agencyId: parsed.data.agencyId,
    decision: parsed.data.intent,
    decidedBy: user.id,
  });
  if (!result.ok) throw new Response("This application was already decided or does not exist.", { status: 404 });
  if (result.decision === "decline") return { decided: { agencyName: result.agencyName, approved: false as const } };
  return {
    decided: {
      agencyName: result.agencyName,
      approved: true as const,
      contactEmail: result.contactEmail,
      partnerCode: result.partnerCode,
      link: invitationLink(context, result.invitation.token),
      expiresAt: result.invitation.expiresAt.toISOString(),
    },
  };
}

export default function Enrolments() {
  const { csrf, applications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const decided = actionData?.decided;
  return (
    <main className="page" aria-labelledby="enrolments-title">
      <h1 id="enrolments-title">Agency enrolments</h1>
      {decided?.approved ? (
        <section className="notice ok" role="status">
          <p>
            <strong>{decided.agencyName}</strong> is now a partner agency. Pass these to {decided.contactEmail} over a
            trusted channel; they are shown only now.
          </p>
          <OneTimeSecret label="Commander set-up link (one use, valid 7 days)" value={decided.link} />
          <OneTimeSecret
            label="Partner code for the report form"
            value={decided.partnerCode}
            note="The commander can rotate it at any time; the old code then stops working."
          />
        </section>
      ) : decided ? (
        <p className="notice" role="status">
          The application of <strong>{decided.agencyName}</strong> was declined.
        </p>
      ) : null}
      {applications.length === 0 ? (
        <p>No applications are waiting for a decision.</p>
      ) : (
        <ul className="record-list">
          {applications.map((a) => (
            <li className="record" key={a.id}>
              <h2>{a.name}</h2>
              <dl>
                <dt>State</dt>
                <dd>{a.state}</dd>
                <dt>Size</dt>
                <dd>{labels.agencySizeBand(a.sizeBand)}</dd>
                <dt>Applicant</dt>
                <dd>
                  {a.contactName} · {a.contactEmail}
                </dd>
                <dt>Applied</dt>
                <dd>{formatDate(a.appliedAt)}</dd>
              </dl>
              <Form method="post" className="row-actions">
                <CsrfInput token={csrf} />
                <input type="hidden" name="agencyId" value={a.id} />
                <button type="submit" name="intent" value="approve" className="primary">
                  Approve
                </button>
                <button type="submit" name="intent" value="decline" className="danger">
                  Decline
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
