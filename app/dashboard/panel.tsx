// The frame of every chart: a title that says what is shown, in which units and for which period; the
// chart; and its data table behind a toggle (for screen readers and for copying). Works without script.
import type { ReactNode } from "react";
import { formatPeriod } from "./period-label";

export function ChartPanel(props: {
  id: string;
  title: string;
  /** Units and population, e.g. "% of reports, with 95% intervals". */
  units: string;
  period: { from: string; to: string };
  chart: ReactNode;
  table: ReactNode;
  notes?: ReactNode;
  wide?: boolean;
}) {
  return (
    <section className={`panel dash-panel${props.wide ? " dash-wide" : ""}`} aria-labelledby={`${props.id}-title`}>
      <header className="dash-panel-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <p className="dash-units">{props.units} · {formatPeriod(props.period)}</p>
      </header>
      {props.chart}
      {props.notes ? <div className="dash-notes">{props.notes}</div> : null}
      <details className="dash-table">
        <summary>Data table</summary>
        {props.table}
      </details>
    </section>
  );
}

/** Shown instead of a chart that has nothing to draw. */
export function EmptyChart({ children }: { children: ReactNode }) {
  return <div className="dash-empty" role="note">{children}</div>;
}
