import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requirePermittedForm, requireSignedInWithPermission } from "~/auth/permissions.server";
import { CsrfInput } from "~/auth/ui/fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { Coding } from "~/review/forms";
import { highlightSegments } from "~/review/highlight.server";
import { type ActionFailure, getWorkspace, requireReviewKey } from "~/review/review.server";
import { runWorkspaceIntent } from "~/review/workspace-intents.server";
import { CodingForm } from "~/review/ui/coding-form";
import { OtherDecisions, StagePanel, ThreadAndHistory } from "~/review/ui/decision-panels";
import { FindingsList } from "~/review/ui/findings-list";
import { MarkForm } from "~/review/ui/mark-form";
import { RawPane } from "~/review/ui/raw-pane";
import { TextsForm } from "~/review/ui/texts-form";
import { queueStateLabels } from "../../domain/review/review-state";
import { labels } from "../../domain/taxonomy/index";
import reviewStyles from "~/styles/review.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];
export const meta: MetaFunction = () => [{ title: "Review workspace — Close Call" }];

const Params = z.object({ submissionId: z.string().uuid() });

function submissionIdOf(params: Record<string, string | undefined>): string {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response("There is no such submission.", { status: 404 });
  return parsed.data.submissionId;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, session } = await requireSignedInWithPermission(request, context, "review:submission:any");
  const ws = await getWorkspace(context.db, requireReviewKey(context), submissionIdOf(params), user.id).catch(
    (error: unknown) => {
      if (error instanceof Error && error.name === "ReviewError") throw new Response(error.message, { status: 404 });
      throw error;
    },
  );
  const segments = ws.raw
    ? {
        title: highlightSegments(ws.raw.title, ws.draft),
        narrative: highlightSegments(ws.raw.narrative, ws.draft),
        lessons: highlightSegments(ws.raw.lessons, ws.draft),
      }
    : null;
  const suggested = ws.raw
    ? { factors: ws.raw.factors, incidentType: ws.raw.incidentType }
    : { factors: [], incidentType: "" };
  return {
    csrf: session.csrfToken,
    ws: { ...ws, raw: null },
    segments,
    suggested,
    state: ws.raw ? ws.raw.state : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "review:submission:any");
  const id = submissionIdOf(params);
  const step = {
    db: context.db,
    key: requireReviewKey(context),
    id,
    actor: { reviewerId: user.id },
    retentionDays: context.config.retentionDays,
  };
  return runWorkspaceIntent(request, context, form, step);
}

export default function ReviewWorkspace() {
  const { csrf, ws, segments, suggested, state } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? (result as ActionFailure) : undefined;
  const [markText, setMarkText] = useState("");
  // A span marked successfully is gone from the text: clear the field for the next one.
  useEffect(() => {
    if (result?.ok && result.intent === "mark") setMarkText("");
  }, [result]);
  const errorsFor = (intent: string) => (failure?.intent === intent ? failure.errors : undefined);
  const draft = ws.draft;
  const texts = draft
    ? failure?.intent === "texts" && failure.values
      ? {
          title: String(failure.values.title ?? ""),
          summary: String(failure.values.summary ?? ""),
          lessons: String(failure.values.lessons ?? ""),
        }
      : { title: draft.title, summary: draft.summary, lessons: draft.lessons }
    : null;
  const coding = (
    failure?.intent === "coding" && failure.values ? failure.values : (draft?.coding ?? {})
  ) as Partial<Coding>;
  return (
    <main className="page wide review-page" aria-labelledby="ws-title">
      <p>
        <Link to="/review">← Review queue</Link>
      </p>
      <div className="review-heading">
        <h1 id="ws-title">
          {draft?.title ?? "Review"} <span className="mono id-chip">{ws.id.slice(0, 8)}</span>
        </h1>
        <span className={`state-chip state-${ws.state}`}>{queueStateLabels[ws.state]}</span>
      </div>
      <div className="claim-bar panel" role="region" aria-label="Claim">
        <p>
          Received {ws.receivedOn}
          {state ? ` · ${state}` : ""} · {labels.consentLevel(ws.consentLevel).split(":")[0]}
          {ws.claim ? (
            <>
              {" "}
              · held by <strong>{ws.claim.mine ? "you" : ws.claim.holder}</strong> until{" "}
              {ws.claim.expiresAt.slice(11, 16)} UTC
            </>
          ) : (
            " · not claimed"
          )}
          {ws.stage1By ? <> · stage 1 by {ws.stage1By.name}</> : null}
          {ws.approvedBy ? <> · approved by {ws.approvedBy}</> : null}
          {ws.publicNumber ? (
            <>
              {" "}
              · published as <Link to={`/reports/${ws.publicNumber}`}>{ws.publicNumber}</Link>
            </>
          ) : null}
        </p>
        {ws.can.claim ? (
          <Form method="post" preventScrollReset>
            <CsrfInput token={csrf} />
            <button type="submit" name="intent" value="claim" className="primary">
              {ws.state === "stage2" ? "Claim for approval" : "Claim to work on it"}
            </button>
          </Form>
        ) : null}
        {ws.can.release ? (
          <Form method="post" preventScrollReset>
            <CsrfInput token={csrf} />
            <button type="submit" name="intent" value="release">
              Release
            </button>
          </Form>
        ) : null}
      </div>
      {failure?.intent === "claim" || failure?.intent === "release" || failure?.intent === "unknown" ? (
        <p className="notice danger" role="alert">
          {failure.message}
        </p>
      ) : null}
      {failure && failure.message && ["texts", "finding", "mark", "coding"].includes(failure.intent) ? (
        <p className="notice danger" role="alert">
          {failure.message}
        </p>
      ) : null}
      {ws.rejectionReason ? <p className="notice">Not published. The officer reads: “{ws.rejectionReason}”</p> : null}
      {ws.duplicateOf ? (
        <p className="notice info">
          Merged into{" "}
          <Link to={`/review/${ws.duplicateOf}`} className="mono">
            {ws.duplicateOf.slice(0, 8)}
          </Link>
          : it is published as that report.
        </p>
      ) : null}
      {ws.unreadable || !segments || !draft || !texts ? (
        <p className="notice">
          The raw submission was destroyed after the retention window (or is under a key this server no longer has).
          Only its outcome remains.
        </p>
      ) : (
        <>
          {ws.possibleDuplicateOf && !ws.duplicateOf ? (
            <p className="notice info">
              The same narrative was received before as{" "}
              <Link to={`/review/${ws.possibleDuplicateOf}`} className="mono">
                {ws.possibleDuplicateOf.slice(0, 8)}
              </Link>
              .
            </p>
          ) : null}
          {/* Wide screens: the officer's words, the findings and the publishable texts side by side, so a
              highlight and its decision are in view together; narrower, they stack in that order. */}
          <div className="workspace-columns">
            <div className="ws-raw">
              <RawPane
                title={segments.title}
                narrative={segments.narrative}
                lessons={segments.lessons}
                onSelect={ws.can.edit ? setMarkText : undefined}
              />
              {ws.can.edit ? (
                <MarkForm csrf={csrf} text={markText} onText={setMarkText} errors={errorsFor("mark")} />
              ) : null}
            </div>
            {/* Focusable: on wide screens it scrolls on its own, and keyboard users must be able to scroll it. */}
            <div className="ws-findings" tabIndex={0} role="region" aria-label="Findings">
              <FindingsList findings={draft.findings} csrf={csrf} editable={ws.can.edit} />
            </div>
            <div className="ws-texts">
              <TextsForm texts={texts} csrf={csrf} editable={ws.can.edit} errors={errorsFor("texts")} />
            </div>
          </div>
          <StagePanel ws={{ ...ws, raw: null }} csrf={csrf} failure={failure} />
          <CodingForm
            coding={coding}
            suggested={suggested}
            csrf={csrf}
            editable={ws.can.edit}
            errors={errorsFor("coding")}
          />
          <OtherDecisions ws={{ ...ws, raw: null }} csrf={csrf} failure={failure} />
        </>
      )}
      <ThreadAndHistory ws={{ ...ws, raw: null }} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
