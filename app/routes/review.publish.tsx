import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { userHasPermission } from "~/auth/permissions";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { CsrfInput } from "~/auth/ui/fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getQueue, publishBatch, requireReviewKey } from "~/review/review.server";
import reviewStyles from "~/styles/review.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];
export const meta: MetaFunction = () => [{ title: "Publication batch — Close Call" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, user } = await requireSignedInWithPermission(request, context, "publish:report:any");
  const queue = await getQueue(context.db, requireReviewKey(context), { state: "approved", limit: 0 });
  return {
    csrf: session.csrfToken,
    approved: queue.counts.approved,
    canReview: userHasPermission(user, "review:submission:any"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermittedForm(request, context, "publish:report:any");
  const result = await publishBatch(context.deployment, requireReviewKey(context), {
    retentionDays: context.config.retentionDays,
    runBy: user.id,
    privacy: { k: context.config.privacyK, agencyMinReports: context.config.agencyMinReports },
  });
  return { published: result.publicNumbers, heldBack: result.skipped.length };
}

export default function PublicationBatch() {
  const { csrf, approved, canReview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <main className="page narrow review-page" aria-labelledby="batch-title">
      {canReview ? (
        <p>
          <Link to="/review">← Review queue</Link>
        </p>
      ) : null}
      <h1 id="batch-title">Publication batch</h1>
      <p>
        Approved reports are published together once a day (03:00 UTC), in random order and with the month of
        publication only, so that when a report appears says nothing about when it was sent.
      </p>
      {result ? (
        <div className="notice ok" role="status">
          {result.published.length ? (
            <p>
              Published {result.published.length} report{result.published.length === 1 ? "" : "s"}:{" "}
              {result.published.join(", ")}.
            </p>
          ) : (
            <p>No approved reports were waiting.</p>
          )}
          {result.heldBack ? (
            <p>
              {result.heldBack} approved report(s) were held back: their draft no longer checks out. Open them from the
              queue.
            </p>
          ) : null}
        </div>
      ) : null}
      <p>
        <strong>{approved}</strong> approved report{approved === 1 ? "" : "s"} waiting for the next batch.
      </p>
      <Form method="post">
        <CsrfInput token={csrf} />
        <button type="submit" className="primary" disabled={busy || approved === 0}>
          Publish the batch now
        </button>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
