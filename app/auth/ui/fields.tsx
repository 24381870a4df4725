import { type ReactNode, useId } from "react";

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

/** What ties a control to its label, hint and error for screen readers. */
interface ControlAria {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A labelled control with its hint and error; `control` draws the input or select itself. */
function Field({
  label,
  hint,
  error,
  control,
}: {
  label: string;
  hint?: string;
  error?: string;
  control: (aria: ControlAria) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ name, label, hint, error, type = "text", ...input }: TextFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <input {...aria} name={name} type={type} spellCheck={type === "text" ? undefined : false} {...input} />
      )}
    />
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
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <select {...aria} name={name} defaultValue={defaultValue ?? ""} required>
          {placeholder ? (
            <option value="" disabled>
              {placeholder}
            </option>
          ) : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Your password or a current TOTP code, asked again before actions a stolen session must not take. */
export function ConfirmIdentityField({ error }: { error?: string }) {
  return (
    <TextField
      name="confirm"
      label="Your password, or the current code from your authenticator app"
      type="password"
      autoComplete="current-password"
      required
      maxLength={1024}
      error={error}
      hint="Asked again because this cannot be undone by anyone who finds your browser signed in."
    />
  );
}

/** The hidden CSRF field every authenticated form carries. */
export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}

/** Errors not tied to one field (e.g. wrong email or password). */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="notice danger" role="alert">
      {message}
    </div>
  );
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

/** New password and its confirmation, with the policy as a hint (accept invitation, reset, change). */
export function NewPasswordFields({
  errors,
  label = "New password",
}: {
  errors: Record<string, string | undefined>;
  label?: string;
}) {
  return (
    <>
      <TextField
        name="password"
        label={label}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={128}
        hint="12 to 128 characters. A few unrelated words make a strong password; very common passwords are refused."
        error={errors.password}
      />
      <TextField
        name="confirmPassword"
        label={`${label} again`}
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
    </>
  );
}
