import { Form, Link } from "@remix-run/react";
import { rejectionReasons } from "../../../domain/review/rejection-reasons";
import { QUESTION_TIMEOUT_DAYS } from "../../../domain/review/review-timing";
import { queueStateLabels } from "../../../domain/review/review-state";
import type { Workspace } from "../../../db/review/workspace";
import { CsrfInput } from "~/auth/ui/fields";
import { FieldLabel } from "~/components/field-label";

type Failure =
  { intent: string; message?: string; errors?: Record<string, string>; values?: Record<string, unknown> } | undefined;

function ErrorFor({ failure, intent }: { failure: Failure; intent: string }) {
  return failure?.intent === intent && failure.message ? (
    <p className="notice danger" role="alert">
      {failure.message}
    </p>
  ) : null;
}

function TextArea({
  name,
  label,
  hint,
  error,
  value,
  rows = 3,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  rows?: number;
}) {
  const id = `decision-${name}`;
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What still keeps the stage's button disabled. */
function BlockerList({ blockers }: { blockers: readonly string[] }) {
  return (
    <ul className="blockers">
      {blockers.map((b) => (
        <li key={b}>{b}</li>
      ))}
    </ul>
  );
}

/** Stage 1's completion, stage 2's approval or send-back: the two-reviewer rule in the page. */
export function StagePanel({ ws, csrf, failure }: { ws: Workspace; csrf: string; failure: Failure }) {
  if (ws.can.submit) {
    return (
      <section className="panel stage-panel" aria-labelledby="stage-title">
        <h2 id="stage-title">Stage 1: de-identify and code</h2>
        {ws.blockers.length ? (
          <BlockerList blockers={ws.blockers} />
        ) : (
          <p>Everything is decided and coded. A different reviewer will check it in stage 2.</p>
        )}
        <ErrorFor failure={failure} intent="submit" />
        <Form method="post" preventScrollReset>
          <CsrfInput token={csrf} />
          <button type="submit" name="intent" value="submit" className="primary" disabled={ws.blockers.length > 0}>
            Complete stage 1
          </button>
        </Form>
      </section>
    );
  }
  if (ws.can.approve) {
    const errors = failure?.intent === "send-back" ? failure.errors : undefined;
    return (
      <section className="panel stage-panel" aria-labelledby="stage-title">
        <h2 id="stage-title">Stage 2: approve or send back</h2>
        <p>
          Stage 1 by {ws.stage1By?.name}. Read the publishable report against the officer's words: anything that could
          identify the officer, agency, suspect or place must be gone.
        </p>
        {ws.blockers.length ? <BlockerList blockers={ws.blockers} /> : null}
        <ErrorFor failure={failure} intent="approve" />
        <Form method="post" preventScrollReset>
          <CsrfInput token={csrf} />
          <button type="submit" name="intent" value="approve" className="primary" disabled={ws.blockers.length > 0}>
            Approve for the next batch
          </button>
        </Form>
        <Form method="post" preventScrollReset className="send-back">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="send-back" />
          <TextArea
            name="comment"
            label="Send back to stage 1 with comments"
            hint="Kept encrypted with the report; destroyed with it."
            error={errors?.comment}
            value={failure?.intent === "send-back" ? String(failure.values?.comment ?? "") : undefined}
          />
          <ErrorFor failure={failure} intent="send-back" />
          <button type="submit">Send back</button>
        </Form>
      </section>
    );
  }
  return null;
}

/** Ask the officer through the receipt thread, reject with a reason, or merge as a duplicate. */
export function OtherDecisions({ ws, csrf, failure }: { ws: Workspace; csrf: string; failure: Failure }) {
  const errors = failure?.errors ?? {};
  const value = (intent: string, name: string) =>
    failure?.intent === intent ? String(failure.values?.[name] ?? "") : undefined;
  return (
    <div className="other-decisions">
      {ws.can.ask ? (
        <Form method="post" preventScrollReset className="panel">
          <h3>Ask the officer</h3>
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="ask" />
          <TextArea
            name="question"
            label="Question"
            hint={
              `The officer sees it on the receipt page. The report waits for the answer, ` +
              `or ${QUESTION_TIMEOUT_DAYS} days.`
            }
            error={failure?.intent === "ask" ? errors.question : undefined}
            value={value("ask", "question")}
          />
          <ErrorFor failure={failure} intent="ask" />
          <button type="submit">Send question</button>
        </Form>
      ) : null}
      {ws.can.duplicate ? <DuplicateForm ws={ws} csrf={csrf} failure={failure} /> : null}
      {ws.can.reject ? (
        <Form method="post" preventScrollReset className="panel">
          <h3>Do not publish</h3>
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="reject" />
          <div className="field">
            <label htmlFor="reason">Reason the officer will see</label>
            <select
              id="reason"
              name="reason"
              defaultValue=""
              aria-invalid={failure?.intent === "reject" && errors.reason ? true : undefined}
              aria-describedby={failure?.intent === "reject" && errors.reason ? "reason-error" : undefined}
            >
              <option value="" disabled>
                Choose a reason…
              </option>
              {rejectionReasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
            {failure?.intent === "reject" && errors.reason ? (
              <p className="field-error" id="reason-error">
                {errors.reason}
              </p>
            ) : null}
          </div>
          <ErrorFor failure={failure} intent="reject" />
          <button type="submit" className="danger">
            Do not publish
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export function ThreadAndHistory({ ws }: { ws: Workspace }) {
  return (
    <div className="thread-history">
      {ws.draft?.comments.length ? (
        <section className="panel">
          <h3>Stage 2 comments</h3>
          <ul>
            {ws.draft.comments.map((c, i) => (
              <li key={i}>
                <span className="meta">{c.on}</span> {c.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ws.thread.length ? (
        <section className="panel">
          <h3>Messages with the officer</h3>
          <ol className="thread-list">
            {ws.thread.map((m) => (
              <li key={m.id} className={`message from-${m.author}`}>
                <p className="meta">
                  {m.author === "reviewer" ? "Reviewer" : "Officer"} · {m.createdOn}
                </p>
                <p>{m.text}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {ws.duplicates.length ? (
        <section className="panel">
          <h3>Merged duplicates</h3>
          <p className="hint">Published as this one report. Fold in anything useful they add.</p>
          <ul>
            {ws.duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/review/${d.id}`} className="mono">
                  {d.id.slice(0, 8)}
                </Link>{" "}
                · received {d.receivedOn}
                {d.narrative ? <p className="duplicate-text">{d.narrative}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ws.history.length ? (
        <section className="panel">
          <h3>History</h3>
          <ol className="history">
            {ws.history.map((h, i) => (
              <li key={i}>
                <span className="meta">{h.at.slice(0, 16).replace("T", " ")} UTC</span> {h.reviewer}:{" "}
                {h.action.replace(/_/g, " ")} (stage {h.stage})
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/**
 * Merge as a duplicate: the likely originals (the same narrative received before) are the choices,
 * with their titles; another submission can still be named by its id.
 */
function DuplicateForm({ ws, csrf, failure }: { ws: Workspace; csrf: string; failure: Failure }) {
  const mine = failure?.intent === "duplicate";
  const error = mine ? failure.errors?.primaryId : undefined;
  const posted = mine ? String(failure.values?.primaryId ?? "") : "";
  const candidates = ws.duplicateCandidates;
  const describedBy = error ? "primaryId-hint primaryId-error" : "primaryId-hint";
  const idInput = (name: string, id: string, label: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        type="text"
        id={id}
        name={name}
        defaultValue={mine ? String(failure.values?.[name] ?? "") : ""}
        className="mono"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
  return (
    <Form method="post" preventScrollReset className="panel duplicate-form">
      <h3>Duplicate</h3>
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="duplicate" />
      {candidates.length > 0 ? (
        <fieldset aria-describedby={describedBy}>
          <legend>Merge into</legend>
          <span className="hint" id="primaryId-hint">
            The same narrative was received before: choose the report this one repeats.
          </span>
          {candidates.map((c, i) => (
            <label className="choice" key={c.id}>
              <input type="radio" name="primaryId" value={c.id} defaultChecked={posted ? posted === c.id : i === 0} />
              <span>
                <strong>{c.title ?? "Title unreadable"}</strong>
                <span className="hint">
                  Received {c.receivedOn} · {queueStateLabels[c.state]} ·{" "}
                  <Link to={`/review/${c.id}`} className="mono">
                    {c.id.slice(0, 8)}
                  </Link>
                </span>
              </span>
            </label>
          ))}
          <label className="choice">
            <input type="radio" name="primaryId" value="other" defaultChecked={posted === "other"} />
            <span>Another submission</span>
          </label>
          {idInput("otherId", "otherId", "Its id, if another")}
        </fieldset>
      ) : (
        <>
          <span className="hint" id="primaryId-hint">
            No earlier submission has the same narrative. Paste the id of the one this repeats (from its workspace
            address).
          </span>
          {idInput("primaryId", "primaryId", "Merge into submission")}
        </>
      )}
      {error ? (
        <p className="field-error" id="primaryId-error">
          {error}
        </p>
      ) : null}
      <ErrorFor failure={failure} intent="duplicate" />
      <button type="submit">Mark as duplicate</button>
    </Form>
  );
}
