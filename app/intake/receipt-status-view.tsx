import { Form, Link } from "@remix-run/react";
import type { ReceiptStatus } from "../../db/intake/receipt-status";
import { FieldErrorList } from "./form-fields";
import { ANSWER_MAX } from "./receipt-form-schema";
import { ReviewTimeline } from "./review-timeline";

const STATUS_TEXT: Record<ReceiptStatus["status"], { title: string; body: string }> = {
  received: { title: "Received", body: "Your report is stored and waiting for a reviewer." },
  in_review: { title: "In review", body: "Reviewers are removing identifying details and coding your report." },
  question: {
    title: "A reviewer has a question",
    body: "Please answer below. Your answer is as anonymous as your report.",
  },
  published: {
    title: "Published",
    body: "Your report was de-identified and published. Thank you: other officers can now learn from it.",
  },
  not_published: { title: "Not published", body: "The reviewers decided not to publish this report." },
};

interface StatusViewProps {
  view: {
    code: string;
    status: ReceiptStatus;
    retentionDays: number;
    errors: { answer?: string[] };
    answer: string;
    notice?: string;
    formError?: string;
  };
  busy: boolean;
}

export function ReceiptStatusView({ view, busy }: StatusViewProps) {
  const { status } = view;
  const text = STATUS_TEXT[status.status];
  return (
    <>
      {view.notice ? (
        <p className="notice ok" role="status">
          {view.notice}
        </p>
      ) : null}
      {view.formError ? (
        <p className="notice danger" role="alert">
          {view.formError}
        </p>
      ) : null}
      <section className={`receipt-status status-${status.status}`} aria-labelledby="status-title">
        <p className="eyebrow">Status</p>
        <h2 id="status-title">{text.title}</h2>
        <p>{text.body}</p>
        {status.status === "published" && status.publishedNumber ? (
          <p>
            <Link to={`/reports/${status.publishedNumber}`}>Read the published report {status.publishedNumber}</Link>
          </p>
        ) : null}
        {status.status === "not_published" && status.notPublishedReason ? (
          <p>
            <strong>Reason:</strong> {status.notPublishedReason}
          </p>
        ) : null}
        <p className="hint">Received on {status.receivedOn}.</p>
      </section>
      {status.destroyed ? (
        <p className="hint">The original text and any messages were destroyed after the decision, as promised.</p>
      ) : status.thread.length > 0 ? (
        <section className="thread" aria-labelledby="thread-title">
          <h2 id="thread-title">Messages</h2>
          <ol className="thread-list">
            {status.thread.map((message) => (
              <li key={message.id} className={`message from-${message.author}`}>
                <p className="message-meta">
                  {message.author === "reviewer" ? "Reviewer" : "You"} · {message.createdOn}
                </p>
                <p className="message-text">{message.text}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {status.canAnswer ? (
        <Form method="post" noValidate className="answer-form">
          <input type="hidden" name="code" value={view.code} />
          <div className="field">
            <label htmlFor="answer">Your answer</label>
            <span className="hint" id="answer-hint">
              Leave out names and other details that could identify you; reviewers remove any that slip through.
            </span>
            <textarea
              id="answer"
              name="answer"
              rows={6}
              maxLength={ANSWER_MAX}
              defaultValue={view.answer}
              aria-invalid={view.errors.answer ? true : undefined}
              aria-describedby={view.errors.answer ? "answer-hint answer-error" : "answer-hint"}
            />
            <FieldErrorList name="answer" errors={view.errors.answer} />
          </div>
          <button type="submit" name="intent" value="answer" className="primary" disabled={busy}>
            Send answer
          </button>
        </Form>
      ) : null}
      <ReviewTimeline status={status} retentionDays={view.retentionDays} />
      <Form method="post" className="no-print refresh-form">
        <input type="hidden" name="code" value={view.code} />
        <button type="submit" name="intent" value="check" disabled={busy}>
          Refresh status
        </button>
      </Form>
    </>
  );
}
