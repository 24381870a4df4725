import type { ReceiptStatus } from "../../db/intake/receipt-status";
import { addDays } from "../../domain/review/review-state";
import { QUESTION_TIMEOUT_DAYS } from "../../domain/review/review-timing";

const STAGES = ["received", "review", "published", "destroyed"] as const;
type Stage = (typeof STAGES)[number];

const stageOf: Record<ReceiptStatus["status"], Stage> = {
  received: "received",
  in_review: "review",
  question: "review",
  published: "published",
  not_published: "published",
};

function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

interface TimelineProps {
  status: Pick<ReceiptStatus, "status" | "destroyed" | "questionOn" | "destroyOn">;
  /** RETENTION_DAYS: days the officer's own words are kept after the decision. */
  retentionDays: number;
}

/**
 * What happens to a report from here, with the waiting times the workflow really has: the question
 * window (QUESTION_TIMEOUT_DAYS), the daily publication batch and the retention window. Review itself
 * has no fixed time (it depends on the reviewers), and the page says so rather than promise one.
 */
export function ReviewTimeline({ status, retentionDays }: TimelineProps) {
  const current: Stage = status.destroyed ? "destroyed" : stageOf[status.status];
  const at = STAGES.indexOf(current);
  const decided = status.status === "published" || status.status === "not_published";
  const steps: Record<Stage, { title: string; body: string }> = {
    received: { title: "Received", body: "Your report is stored encrypted until a reviewer opens it." },
    review: {
      title: "Review by two reviewers",
      body:
        status.status === "question" && status.questionOn
          ? `A reviewer asked you a question on ${formatDay(status.questionOn)}. The report waits for your answer ` +
            `until ${formatDay(addDays(status.questionOn, QUESTION_TIMEOUT_DAYS))} (${QUESTION_TIMEOUT_DAYS} ` +
            `days), then continues without it.`
          : `One reviewer removes anything that could identify you and codes the report; a second, different ` +
            `reviewer checks it. How long this takes depends on the reviewers' queue: there is no fixed time. ` +
            `If they have a question it appears on this page, and the report waits up ` +
            `to ${QUESTION_TIMEOUT_DAYS} days for your answer.`,
    },
    published: {
      title: status.status === "not_published" ? "Decision" : "Publication",
      body:
        status.status === "not_published"
          ? "The reviewers decided not to publish it; the reason is above."
          : "Approved reports are published together once a day, in the nightly batch after the second reviewer's " +
            "approval.",
    },
    destroyed: {
      title: "Your words destroyed",
      body: status.destroyed
        ? "Your original text and the messages have been destroyed. Only the published, de-identified report (if " +
          "any) remains."
        : decided && status.destroyOn
          ? `Your original text and these messages will be destroyed on ${formatDay(status.destroyOn)}. The ` +
            `published report stays.`
          : `${retentionDays} days after the decision your original text and these messages are destroyed; the ` +
            `published, de-identified report stays.`,
    },
  };
  return (
    <section className="review-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">What happens next</h2>
      <ol>
        {STAGES.map((stage, i) => (
          <li
            key={stage}
            className={i < at ? "done" : i === at ? "current" : "later"}
            aria-current={i === at ? "step" : undefined}
          >
            <strong>{steps[stage].title}</strong>
            {i === at ? <span className="visually-hidden"> (now)</span> : null}
            <p>{steps[stage].body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
