// The labelled selects of the dashboards' GET forms (the filter bar and the agency book's choices).
import type { ReactNode } from "react";

export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue}>
        {props.children}
      </select>
    </div>
  );
}

/** One option per coded item, after an optional first choice of everything (the empty value). */
export function CodeOptions({ items, all }: { items: readonly { code: string; label: string }[]; all?: string }) {
  return (
    <>
      {all !== undefined ? <option value="">{all}</option> : null}
      {items.map((item) => (
        <option key={item.code} value={item.code}>
          {item.label}
        </option>
      ))}
    </>
  );
}
