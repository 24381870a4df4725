import { Form } from "@remix-run/react";
import { CsrfInput } from "~/auth/ui/fields";

interface Texts {
  title: string;
  summary: string;
  lessons: string;
}

function Area({
  name,
  label,
  hint,
  value,
  error,
  rows,
  editable,
}: {
  name: keyof Texts;
  label: string;
  hint: string;
  value: string;
  error?: string;
  rows: number;
  editable: boolean;
}) {
  const id = `pub-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        {hint}
      </span>
      {name === "title" ? (
        <input
          type="text"
          id={id}
          name={name}
          defaultValue={value}
          maxLength={200}
          readOnly={!editable}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      ) : (
        <textarea
          id={id}
          name={name}
          defaultValue={value}
          rows={rows}
          readOnly={!editable}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      )}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The publishable texts beside the raw ones. Accepted findings are already replaced; anything typed
 * here is checked by the detector again when saved, and new findings block publication until decided.
 */
export function TextsForm({
  texts,
  csrf,
  editable,
  errors,
}: {
  texts: Texts;
  csrf: string;
  editable: boolean;
  errors?: Record<string, string>;
}) {
  return (
    <section className="pane publishable-pane" aria-labelledby="publishable-title">
      <h2 id="publishable-title">
        Publishable report <span className="pane-note">what readers will see</span>
      </h2>
      <Form method="post" preventScrollReset key={`${texts.title}\u0000${texts.summary}\u0000${texts.lessons}`}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="texts" />
        <Area
          name="title"
          label="Title"
          hint="Short and descriptive; no places or names."
          value={texts.title}
          error={errors?.title}
          rows={1}
          editable={editable}
        />
        <Area
          name="summary"
          label="Event summary"
          hint="Removed details in square brackets, e.g. a [restaurant]."
          value={texts.summary}
          error={errors?.summary}
          rows={12}
          editable={editable}
        />
        <Area
          name="lessons"
          label="Lessons learned"
          hint="What another officer should take from it."
          value={texts.lessons}
          error={errors?.lessons}
          rows={5}
          editable={editable}
        />
        {editable ? <button type="submit">Save texts</button> : null}
      </Form>
    </section>
  );
}
