import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { userHasPermission } from "~/auth/permissions";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getQueue, requireReviewKey } from "~/review/review.server";
import { QueueTable } from "~/review/ui/queue-table";
import { queueStateLabels, queueStates } from "../../domain/review/review-state";
import libraryStyles from "~/library/library.css";
import reviewStyles from "~/styles/review.css";

// The library's styles for its loss-potential badges, which the queue shows too.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: libraryStyles },
  { rel: "stylesheet", href: reviewStyles },
];
export const meta: MetaFunction = () => [{ title: "Review queue — Close Call" }];

const QueueSearch = z.object({ state: z.enum(queueStates).catch("new") });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "review:submission:any");
  const { state } = QueueSearch.parse(Object.fromEntries(new URL(request.url).searchParams));
  const queue = await getQueue(context.db, requireReviewKey(context), { state });
  return { state, queue, canPublish: userHasPermission(user, "publish:report:any") };
}

export default function ReviewQueue() {
  const { state, queue, canPublish } = useLoaderData<typeof loader>();
  return (
    <main className="page review-page" aria-labelledby="queue-title">
      <div className="review-heading">
        <h1 id="queue-title">Review queue</h1>
        {canPublish ? (
          <Link to="/review/publish" className="button">
            Publication batch ({queue.counts.approved} approved)
          </Link>
        ) : null}
      </div>
      <p className="lead">
        Oldest first. One reviewer holds a report at a time; a claim lapses after an hour without changes. Two different
        reviewers must approve before a report is published.
      </p>
      <nav aria-label="Queue states">
        <ul className="state-tabs">
          {queueStates.map((s) => (
            <li key={s}>
              <Link
                to={`?state=${s}`}
                aria-current={s === state ? "page" : undefined}
                className={s === state ? "current" : undefined}
              >
                {queueStateLabels[s]} <span className="count">{queue.counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueueTable rows={queue.rows} caption={`${queueStateLabels[state]}: ${queue.counts[state]}`} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
