import { Form } from "@remix-run/react";
import { identifierTypeLabels, identifierTypes } from "../../../domain/identifier-types";
import { CsrfInput } from "~/auth/ui/fields";

/** Marks any other span by hand: typed, or filled in by selecting text in the officer's report. */
export function MarkForm({
  csrf,
  text,
  onText,
  errors,
}: {
  csrf: string;
  text: string;
  onText: (t: string) => void;
  errors?: Record<string, string>;
}) {
  return (
    <Form method="post" preventScrollReset className="mark-form panel">
      <h3>Remove something else</h3>
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="mark" />
      <div className="field">
        <label htmlFor="mark-text">Text to remove</label>
        <span className="hint" id="mark-text-hint">
          Select it in the officer's report, or type it exactly. Every mention is replaced.
        </span>
        <input
          type="text"
          id="mark-text"
          name="text"
          value={text}
          onChange={(e) => onText(e.target.value)}
          maxLength={2000}
          aria-invalid={errors?.text ? true : undefined}
          aria-describedby={errors?.text ? "mark-text-hint mark-text-error" : "mark-text-hint"}
        />
        {errors?.text ? (
          <p className="field-error" id="mark-text-error">
            {errors.text}
          </p>
        ) : null}
      </div>
      <div className="mark-row">
        <div className="field">
          <label htmlFor="mark-type">Kind</label>
          <select id="mark-type" name="type" defaultValue="LOCATION">
            {identifierTypes.map((t) => (
              <option key={t} value={t}>
                {identifierTypeLabels[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mark-replacement">Replace with</label>
          <input type="text" id="mark-replacement" name="replacement" placeholder="[restaurant]" maxLength={60} />
        </div>
      </div>
      <button type="submit">Remove this text</button>
    </Form>
  );
}
