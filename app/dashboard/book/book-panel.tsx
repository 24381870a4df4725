// A panel of the agency page drawn from its model: title, units, which layer its figures come from,
// the chart (or one sentence when every figure is withheld), notes, the data tables and downloads. A
// <details> open by default, so a phone can fold panels away and print can open them all.
import type { ReactNode } from "react";
import { PanelDownloads } from "../export-links";
import type { PanelModel } from "../models/panel-model";
import { ModelChart, ModelTable } from "../panel";
import { layerWords } from "./words";

export function BookPanel({ model, notes, extra }: { model: PanelModel; notes?: ReactNode; extra?: ReactNode }) {
  const layers = model.layers ?? [];
  const chart = model.chart ? <ModelChart chart={model.chart} /> : null;
  return (
    <details className={`panel dash-panel book-panel${model.wide ? " dash-wide" : ""}`} open data-panel={model.id}>
      <summary className="dash-panel-head">
        <h2 id={`${model.id}-title`}>{model.title}</h2>
      </summary>
      <p className="dash-units">{model.units}</p>
      <p className="layer-line">
        {layers.map((l) => (
          <span key={l} className={`layer-tag layer-${l}`}>
            {layerWords[l]}
          </span>
        ))}
      </p>
      {model.allWithheld ? (
        <p className="dash-all-withheld" role="note">
          {model.allWithheld}
        </p>
      ) : (
        <>
          {chart ? (
            model.chart?.scroll ? (
              <div className="chart-scroll" tabIndex={0} role="region" aria-label={`${model.title}: scrolls sideways`}>
                {chart}
              </div>
            ) : (
              chart
            )
          ) : (
            <div className="dash-empty" role="note">
              {model.emptyChart}
            </div>
          )}
          {extra}
          {notes ? <div className="dash-notes">{notes}</div> : null}
          <details className="dash-table">
            <summary>Data table</summary>
            {model.tables.map((t) => (
              // Keyed by the table's column ids: a new column set is a new table, never old columns re-used.
              // data-table names the download the table is (a panel may hold two).
              <div data-table={t.id} key={`${t.id}:${t.columns.map((c) => c.id).join(",")}`}>
                <ModelTable table={t} />
              </div>
            ))}
          </details>
          <PanelDownloads
            panelId={model.id}
            title={model.title}
            chart={model.chart !== null}
            tables={model.tables.map((t) => ({ id: t.id, caption: t.caption }))}
          />
        </>
      )}
    </details>
  );
}
