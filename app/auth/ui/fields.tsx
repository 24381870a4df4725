import { useId } from "react";

interface TextFieldProps {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  hint?: string;
  error?: string;
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  autoFocus?: boolean;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ name, label, hint, error, type = "text", ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <span className="hint" id={hintId}>{hint}</span> : null}
      <input
        id={id}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        spellCheck={type === "text" ? undefined : false}
        {...input}
      />
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
    </div>
  );
}

interface SelectFieldProps {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  hint?: string;
  defaultValue?: string;
  placeholder?: string;
}

export function SelectField({ name, label, options, error, hint, defaultValue, placeholder }: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <span className="hint" id={hintId}>{hint}</span> : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        required
      >
        {placeholder ? <option value="" disabled>{placeholder}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
    </div>
  );
}

/** The hidden CSRF field every authenticated form carries. */
export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}

/** Errors not tied to one field (e.g. wrong email or password). */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return <div className="notice danger" role="alert">{message}</div>;
}

/** A secret shown once (link, partner code, recovery codes), selectable for copying. */
export function OneTimeSecret({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="one-time-secret">
      <p className="label">{label}</p>
      <code>{value}</code>
      {note ? <p className="hint">{note}</p> : null}
    </div>
  );
}
