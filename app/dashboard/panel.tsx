// The frame of every chart: a title that says what is shown, in which units and for which period; the
// chart; its data table behind a toggle (for screen readers and for copying); and, for people who may
// export, download links for the table and the chart. Works without script.
import type { ReactNode } from "react";
import { Chart } from "~/charts/chart";
import { PanelDownloads } from "./export-links";
import type { RowData } from "@tanstack/react-table";
import type { ChartModel, PanelModel, TableModel } from "./models/panel-model";
import { formatPeriod } from "./period-label";
import { toColumns } from "./tables/columns";
import { StaticTable } from "./tables/static-table";

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
  /** What can be downloaded from this panel (shown only to people who may export). */
  downloads?: { chart: boolean; tables: { id: string; caption: string }[] };
}) {
  return (
    <section className={`panel dash-panel${props.wide ? " dash-wide" : ""}`} aria-labelledby={`${props.id}-title`}>
      <header className="dash-panel-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <p className="dash-units">
          {props.units} · {formatPeriod(props.period)}
        </p>
      </header>
      {props.chart}
      {props.notes ? <div className="dash-notes">{props.notes}</div> : null}
      <details className="dash-table">
        <summary>Data table</summary>
        {props.table}
      </details>
      {props.downloads ? <PanelDownloads panelId={props.id} title={props.title} {...props.downloads} /> : null}
    </section>
  );
}

/** Shown instead of a chart that has nothing to draw. */
export function EmptyChart({ children }: { children: ReactNode }) {
  return (
    <div className="dash-empty" role="note">
      {children}
    </div>
  );
}

/** A model's chart, drawn (the agency page and the dashboards draw it alike). */
export function ModelChart({ chart }: { chart: ChartModel }) {
  return <Chart option={chart.option} height={chart.height} label={chart.label} ssrWidth={chart.ssrWidth} />;
}

/** A model's table, drawn; an empty one says why. */
export function ModelTable<Row extends RowData>({ table }: { table: TableModel<Row> }) {
  return (
    <StaticTable
      columns={toColumns(table.columns)}
      data={table.rows}
      caption={table.caption}
      getRowId={table.rowId}
      empty={table.empty ? <p>{table.empty}</p> : undefined}
    />
  );
}

/** A panel drawn from its model (panel-models.ts): chart or empty note, tables, downloads. */
export function ModelPanel({
  model,
  period,
  notes,
}: {
  model: PanelModel;
  period: { from: string; to: string };
  notes?: ReactNode;
}) {
  const chart = model.chart ? <ModelChart chart={model.chart} /> : <EmptyChart>{model.emptyChart}</EmptyChart>;
  return (
    <ChartPanel
      id={model.id}
      title={model.title}
      units={model.units}
      period={period}
      wide={model.wide}
      // A wide chart scrolls sideways on a phone: focusable so a keyboard can scroll it too (axe rule).
      chart={
        model.chart?.scroll ? (
          <div className="chart-scroll" tabIndex={0} role="region" aria-label={`${model.title}: scrolls sideways`}>
            {chart}
          </div>
        ) : (
          chart
        )
      }
      notes={notes}
      table={
        <>
          {model.tables.map((t) => (
            // Keyed by the column ids: a new column set is a new table (stale columns after in-page navigation).
            <ModelTable key={`${t.id}:${t.columns.map((c) => c.id).join(",")}`} table={t} />
          ))}
        </>
      }
      downloads={{ chart: model.chart !== null, tables: model.tables.map((t) => ({ id: t.id, caption: t.caption })) }}
    />
  );
}
