// Download links of the dashboards (plain links to resource routes: no script, nothing added to the
// page's JavaScript). Shown only when the page says the person may export; the export routes check
// the permission again.
import { createContext, useContext } from "react";

export interface ExportLinks {
  /** The page path the export routes hang under: /agency, /national or /national/summary. */
  base: string;
  /** The page's filters as a query string (without "?"), so a download has the screen's figures. */
  query: string;
}

export const ExportLinksContext = createContext<ExportLinks | null>(null);

export function exportHref(links: ExportLinks, kind: "tables" | "charts", file: string): string {
  return `${links.base}/${kind}/${file}${links.query ? `?${links.query}` : ""}`;
}

export function PanelDownloads(props: {
  panelId: string;
  title: string;
  chart: boolean;
  tables: { id: string; caption: string }[];
}) {
  const links = useContext(ExportLinksContext);
  if (!links) return null;
  const several = props.tables.length > 1;
  return (
    <div className="dash-downloads">
      <span className="dash-downloads-label" id={`${props.panelId}-downloads`}>
        Download
      </span>
      <ul aria-labelledby={`${props.panelId}-downloads`}>
        {props.tables.map((t) => (
          <li key={t.id}>
            <span className="dash-downloads-what">{several ? t.caption : "Table"}</span>
            <a href={exportHref(links, "tables", `${t.id}.csv`)} download aria-label={`${t.caption}: table as CSV`}>
              CSV
            </a>
            <a href={exportHref(links, "tables", `${t.id}.xlsx`)} download aria-label={`${t.caption}: table as XLSX`}>
              XLSX
            </a>
          </li>
        ))}
        {props.chart ? (
          <li>
            <span className="dash-downloads-what">Chart</span>
            <a
              href={exportHref(links, "charts", `${props.panelId}.svg`)}
              download
              aria-label={`${props.title}: chart as SVG`}
            >
              SVG
            </a>
            <a
              href={exportHref(links, "charts", `${props.panelId}.png`)}
              download
              aria-label={`${props.title}: chart as PNG`}
            >
              PNG
            </a>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** The page-wide downloads: every table in one workbook, and (agency trainers) the briefing builder. */
export function PageDownloads({ briefingHref }: { briefingHref?: string }) {
  const links = useContext(ExportLinksContext);
  if (!links) return null;
  return (
    <p className="dash-page-downloads">
      <a className="button" href={exportHref(links, "tables", "all.xlsx")} download>
        Download all tables (XLSX)
      </a>
      {briefingHref ? (
        <a className="button" href={briefingHref}>
          Make a training briefing (PDF)
        </a>
      ) : null}
    </p>
  );
}
