import { Form } from "@remix-run/react";
import type { DraftFinding } from "../../../db/review/draft";
import { identifierTypeLabels } from "../../../domain/identifier-types";
import { CsrfInput } from "~/auth/ui/fields";

const originText = {
  detector: "found by the detector",
  recheck: "found again in the edited text",
  reviewer: "marked by a reviewer",
} as const;

/** Each finding with its decision: accept (replace every mention) with an editable replacement, or keep. */
export function FindingsList({
  findings,
  csrf,
  editable,
}: {
  findings: DraftFinding[];
  csrf: string;
  editable: boolean;
}) {
  const open = findings.filter((f) => f.status === "open").length;
  return (
    <section className="pane findings" aria-labelledby="findings-title">
      <h2 id="findings-title">
        Findings{" "}
        <span className="pane-note">
          {open} to decide · {findings.length} in all
        </span>
      </h2>
      {editable && open > 1 ? (
        <Form method="post" preventScrollReset className="bulk-form">
          <CsrfInput token={csrf} />
          <button type="submit" name="intent" value="finding-all">
            Remove all {open} still to decide
          </button>
          <span className="hint">
            Each with its suggested replacement. Keep the ones that are not identifying first.
          </span>
        </Form>
      ) : null}
      {findings.length === 0 ? (
        <p className="hint">The detector found nothing. Read the text yourself: it finds most identifiers, not all.</p>
      ) : null}
      <ol className="finding-list">
        {findings.map((f) => (
          <li key={f.id} id={`finding-${f.id}`} className={`finding-item status-${f.status}`}>
            <div className="finding-head">
              <span className="finding-type">{identifierTypeLabels[f.type]}</span>
              <q className="finding-text">{f.text}</q>
              <span className={`finding-status status-${f.status}`}>
                {f.status === "open" ? "To decide" : f.status === "accepted" ? `Removed → ${f.replacement}` : "Kept"}
              </span>
            </div>
            <p className="hint">{originText[f.origin]}</p>
            {editable ? (
              <Form method="post" preventScrollReset className="finding-form">
                <CsrfInput token={csrf} />
                <input type="hidden" name="intent" value="finding" />
                <input type="hidden" name="findingId" value={f.id} />
                <label className="visually-hidden" htmlFor={`replacement-${f.id}`}>
                  Replacement for {f.text}
                </label>
                <input
                  type="text"
                  id={`replacement-${f.id}`}
                  name="replacement"
                  defaultValue={f.replacement}
                  maxLength={60}
                  className="replacement-input"
                />
                <button
                  type="submit"
                  name="decision"
                  value="accepted"
                  className={f.status === "open" ? "primary" : undefined}
                >
                  {f.status === "accepted" ? "Update" : "Remove"}
                </button>
                {f.status !== "rejected" ? (
                  <button type="submit" name="decision" value="rejected">
                    Keep
                  </button>
                ) : null}
                {f.status !== "open" ? (
                  <button type="submit" name="decision" value="open" className="link-button">
                    Undo
                  </button>
                ) : null}
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
