import type { ReactNode } from "react";

/**
 * A field's label and its optional hint, the hint's id `${id}-hint` for the control's aria-describedby.
 * Every form (report, review) opens its fields with it, so they read alike to a screen reader.
 */
export function FieldLabel({ id, label, hint }: { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </>
  );
}
