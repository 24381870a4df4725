import { useState } from "react";
import { FieldLabel } from "~/components/field-label";

// Small accessible field components for the report form: a label, an optional hint and the field's
// errors right beside it, wired together with aria-describedby.

interface FieldProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  errors?: string[];
}

function describedBy(name: string, hint: unknown, errors?: string[]): string | undefined {
  const ids = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldErrorList({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={`${name}-error`}>
      {errors.join(" ")}
    </p>
  );
}

export function TextField({
  name,
  label,
  hint,
  errors,
  defaultValue,
  maxLength,
  autoComplete = "off",
}: FieldProps & { defaultValue: string; maxLength?: number; autoComplete?: string }) {
  return (
    <div className="field">
      <FieldLabel id={name} label={label} hint={hint} />
      <input
        type="text"
        id={name}
        name={name}
        defaultValue={defaultValue}
        maxLength={maxLength}
        autoComplete={autoComplete}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
      />
      <FieldErrorList name={name} errors={errors} />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  errors,
  defaultValue,
  min,
  max,
  rows = 8,
}: FieldProps & { defaultValue: string; min: number; max: number; rows?: number }) {
  const [length, setLength] = useState(defaultValue.length);
  return (
    <div className="field">
      <FieldLabel id={name} label={label} hint={hint} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        maxLength={max}
        onChange={(event) => setLength(event.currentTarget.value.length)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
      />
      <p className={`char-count${length > 0 && length < min ? " short" : ""}`} aria-live="polite">
        {length.toLocaleString("en-US")} of {max.toLocaleString("en-US")} characters
        {length < min ? ` (at least ${min})` : ""}
      </p>
      <FieldErrorList name={name} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  defaultValue,
  options,
  placeholder,
}: FieldProps & { defaultValue: string; options: readonly { code: string; label: string }[]; placeholder: string }) {
  return (
    <div className="field">
      <FieldLabel id={name} label={label} hint={hint} />
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrorList name={name} errors={errors} />
    </div>
  );
}

export function RadioGroup({
  name,
  label,
  hint,
  errors,
  defaultValue,
  options,
}: FieldProps & { defaultValue: string; options: readonly { code: string; label: string; description?: string }[] }) {
  return (
    <fieldset aria-describedby={describedBy(name, hint, errors)} aria-invalid={errors?.length ? true : undefined}>
      <legend>{label}</legend>
      {hint ? (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      {options.map((option) => (
        <label className="choice" key={option.code}>
          <input type="radio" name={name} value={option.code} defaultChecked={defaultValue === option.code} />
          <span>
            {option.label}
            {option.description ? <span className="hint">{option.description}</span> : null}
          </span>
        </label>
      ))}
      <FieldErrorList name={name} errors={errors} />
    </fieldset>
  );
}
