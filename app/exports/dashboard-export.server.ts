// Downloads of the dashboards: any table as CSV or XLSX (or every table of the page in one workbook) and
// any chart as SVG or PNG. The routes repeat the page's permission check and call the page's own query
// (getAgencyDashboard / getNationalDashboard) with the same URL filters, so a file holds exactly the
// figures the page shows — withheld cells included. Each download is written to the audit log.
import type { AppLoadContext } from "@remix-run/node";
import { type Readable } from "node:stream";
import { framedChartSvg, svgToPng } from "../../analytics/exports/chart-image";
import { csvStream } from "../../analytics/exports/csv-export";
import { type ExportMetadata, suppressionNotes } from "../../analytics/exports/export-metadata";
import type { ExportTable } from "../../analytics/exports/export-table";
import { xlsxStream } from "../../analytics/exports/xlsx-export";
import type { SuppressionReason } from "../../analytics/privacy/figures";
import { TAXONOMY_VERSION } from "../../db/taxonomy/index";
import { appendAuditEntry } from "~/auth/audit.server";
import { renderChartSvg } from "~/charts/render-svg";
import type { DashboardState } from "~/dashboard/filter-schema";
import { agencyPanels, nationalPanels } from "~/dashboard/models/page-panels";
import type { PanelModel } from "~/dashboard/models/panel-model";
import type { AgencyDashboardView, NationalDashboardView } from "~/dashboard/view-types";
import { downloadBody } from "./download-body.server";
import { dashboardFilterList, downloadHeaders, fileStem, type ExportPage, pageLabels } from "./export-files";
import { toExportTable } from "./dashboard-tables";

export type DashboardView = AgencyDashboardView | NationalDashboardView;

export interface Exporter {
  /** Null for a signed-out reader of the public summary. */
  userId: string | null;
  /** The agency's name for agency pages (their own agency, from the session). */
  agencyName?: string;
}

const FILE = /^([a-z0-9_-]{1,64})\.([a-z]{3,4})$/;

/** "profile.csv" → { id, format }; anything else is a 404 (the route has no such file). */
export function parseExportFile<F extends string>(file: string | undefined, formats: readonly F[]): { id: string; format: F } {
  const match = FILE.exec(file ?? "");
  if (!match || !(formats as readonly string[]).includes(match[2]!)) {
    throw new Response(`There is no such download. Files are named like profile.${formats[0]}.`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return { id: match[1]!, format: match[2] as F };
}

function panelsOf(view: DashboardView): PanelModel[] {
  return view.kind === "agency" ? agencyPanels(view) : nationalPanels(view);
}

function notFound(what: string): Response {
  return new Response(`${what} is not on this page for these filters.`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function metadata(page: ExportPage, view: DashboardView, exporter: Exporter, title: string, reasons: Iterable<SuppressionReason>): ExportMetadata {
  const agencyFigures = view.kind === "agency";
  return {
    title,
    source: `Close Call — ${pageLabels[page]}${exporter.agencyName ? ` of ${exporter.agencyName}` : ""}`,
    generatedAt: new Date(),
    filters: dashboardFilterList(view.state, view.period, page),
    taxonomyVersion: TAXONOMY_VERSION,
    suppression: suppressionNotes(reasons, agencyFigures || view.kind === "national" ? view.privacy : null),
    notes: ["Shares of voluntary near-miss reports, not rates of events."],
  };
}

async function audit(context: AppLoadContext, exporter: Exporter, page: ExportPage, file: string, state: DashboardState) {
  // The log records authenticated actions (DESIGN §8): a signed-out download of the public summary
  // (published figures anyone can read) is not one, and would let anyone grow the log.
  if (exporter.userId === null) return;
  await appendAuditEntry(context.db, {
    actorUserId: exporter.userId, action: "export.created", targetType: "export", targetId: `${page}/${file}`,
    detail: { page, file, period: `${state.from ?? "default"}..${state.to ?? "default"}` },
  });
}

function streamResponse(context: AppLoadContext, stream: Readable, headers: Headers): Response {
  return new Response(downloadBody(stream, context), { headers });
}

/** One table as CSV/XLSX, or `all.xlsx`: every table of the page, a sheet each. */
export async function tableDownload(
  context: AppLoadContext, exporter: Exporter, page: ExportPage, view: DashboardView, file: { id: string; format: "csv" | "xlsx" },
): Promise<Response> {
  const tables = panelsOf(view).flatMap((p) => p.tables);
  const chosen = file.id === "all" && file.format === "xlsx" ? tables : tables.filter((t) => t.id === file.id);
  if (chosen.length === 0) return notFound(file.id === "all" ? "“all” is an XLSX workbook only; this table" : `The table “${file.id}”`);
  const converted = chosen.map((t) => toExportTable(t));
  const reasons = new Set(converted.flatMap((c) => [...c.reasons]));
  const exported: ExportTable[] = converted.map((c) => c.table);
  const title = file.id === "all" ? `Every table of the ${pageLabels[page]}` : exported[0]!.title;
  const meta = metadata(page, view, exporter, title, reasons);
  const name = `${fileStem(page, file.id, view.period)}.${file.format}`;
  await audit(context, exporter, page, `${file.id}.${file.format}`, view.state);
  if (file.format === "csv") {
    const only = exported[0]!;
    return streamResponse(context, csvStream({ meta, headers: only.headers, rows: only.rows }), downloadHeaders("text/csv; charset=utf-8", name));
  }
  const sheets = exported.map((t) => ({ name: t.title, headers: t.headers, rows: t.rows }));
  return streamResponse(context, xlsxStream(meta, sheets), downloadHeaders("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name));
}

/** One chart as SVG or PNG, drawn from the panel's own option and framed with its title and notes. */
export async function chartDownload(
  context: AppLoadContext, exporter: Exporter, page: ExportPage, view: DashboardView, file: { id: string; format: "svg" | "png" },
): Promise<Response> {
  const panel = panelsOf(view).find((p) => p.id === file.id);
  if (!panel) return notFound(`The chart “${file.id}”`);
  if (!panel.chart) return notFound(`The chart “${file.id}” has nothing to draw and`);
  const width = panel.chart.ssrWidth ?? 720;
  const chartSvg = renderChartSvg({ ...panel.chart.option, backgroundColor: "#ffffff" }, width, panel.chart.height, "export");
  const reasons = new Set(panel.tables.flatMap((t) => [...toExportTable(t).reasons]));
  const meta = metadata(page, view, exporter, panel.title, reasons);
  const svg = framedChartSvg(chartSvg, width, panel.chart.height, {
    title: panel.title,
    subtitle: `${panel.units} · ${view.period.from} to ${view.period.to}`,
    footer: [
      `${meta.source} · generated ${meta.generatedAt.toISOString().slice(0, 10)} · taxonomy version ${meta.taxonomyVersion}`,
      ...(reasons.size > 0 ? [`Withheld figures are drawn hatched, never as 0: figures that depend on an agency below k = ${view.privacy.k} reports, or that would reveal one (the table says which).`] : []),
    ],
  });
  const name = `${fileStem(page, file.id, view.period)}.${file.format}`;
  await audit(context, exporter, page, `${file.id}.${file.format}`, view.state);
  if (file.format === "svg") return new Response(svg, { headers: downloadHeaders("image/svg+xml; charset=utf-8", name) });
  return new Response(new Uint8Array(svgToPng(svg)), { headers: downloadHeaders("image/png", name) });
}
