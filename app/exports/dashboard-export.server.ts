// Downloads of the dashboards: any table as CSV or XLSX (or every table of the page in one workbook) and
// any chart as SVG or PNG. The routes repeat the page's permission check and build the page's own panel
// models from the page's own view (the agency's release-book view, or the national view) for the same
// URL choices, so a file holds exactly the cells the page shows — withheld cells included, and a panel
// the page replaces with a sentence (every figure withheld) has no file. Each download is audited.
import type { AppLoadContext } from "@remix-run/node";
import { type Readable } from "node:stream";
import { framedChartSvg, svgToPng } from "../../exports/chart-image";
import { csvStream } from "../../exports/csv-export";
import { type ExportMetadata, suppressionNotes } from "../../exports/export-metadata";
import { xlsxStream } from "../../exports/xlsx-export";
import type { SuppressionReason } from "../../domain/figures";
import type { PrivacyRules } from "../../analytics/privacy/rules";
import { TAXONOMY_VERSION } from "../../domain/taxonomy/index";
import { appendAuditEntry } from "~/auth/audit.server";
import { renderChartSvg } from "~/charts/render-svg";
import type { PanelModel } from "~/dashboard/models/panel-model";
import { downloadBody } from "./download-body.server";
import { toExportTable } from "./dashboard-tables";
import { downloadHeaders, fileStem, type ExportPage, pageLabels } from "./export-files";

export interface Exporter {
  /** Null for a signed-out reader of the public summary. */
  userId: string | null;
  /** The agency's name for agency pages (their own agency, from the session). */
  agencyName?: string;
}

/** What a page's downloads are made from: its panels and its choices in its own words. */
export interface ExportSource {
  page: ExportPage;
  /** The panels the page shows for these choices (not those replaced by a sentence). */
  panels: PanelModel[];
  filters: { name: string; value: string }[];
  /** The choices in one line, for chart images; and as an ASCII part of file names. */
  choiceLine: string;
  choiceStem: string;
  /** Null: published fields only (no agency-dependent figure). */
  privacy: PrivacyRules | null;
  /** Where the page's figures come from, per panel (the agency page's layers). */
  layerNote?: (panel: PanelModel) => string | null;
  notes: string[];
  /** What the audit entry says of the choices. */
  auditChoices: string;
}

const FILE = /^([a-z0-9_-]{1,64})\.([a-z]{3,4})$/;

const kinds = { charts: ["svg", "png"], tables: ["csv", "xlsx"] } as const;

export type PageDownload =
  | { kind: "charts"; id: string; format: (typeof kinds.charts)[number] }
  | { kind: "tables"; id: string; format: (typeof kinds.tables)[number] };

/**
 * The URL's `charts/profile.svg` or `tables/profile.csv` → what to download; anything else is a 404 (the
 * page has no such file). Parsed before the page's view is built, so a wrong name costs no query.
 */
export function parsePageDownload(kind: string | undefined, file: string | undefined): PageDownload {
  const formats: readonly string[] = kind === "charts" || kind === "tables" ? kinds[kind] : [];
  const match = FILE.exec(file ?? "");
  if (!match || !formats.includes(match[2]!)) {
    const example = formats.length ? `profile.${formats[0]}` : "charts/profile.svg or tables/profile.csv";
    throw new Response(`There is no such download. Files are named like ${example}.`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return { kind, id: match[1]!, format: match[2] } as PageDownload;
}

/** A chart or a table of the page, as the URL asked. */
export function pageDownload(
  context: AppLoadContext,
  exporter: Exporter,
  source: ExportSource,
  file: PageDownload,
): Promise<Response> {
  return file.kind === "charts"
    ? chartDownload(context, exporter, source, file)
    : tableDownload(context, exporter, source, file);
}

function notFound(what: string): Response {
  return new Response(`${what} is not on this page for these choices.`, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

function metadata(
  source: ExportSource,
  exporter: Exporter,
  title: string,
  reasons: Iterable<SuppressionReason>,
  panels: PanelModel[],
): ExportMetadata {
  const layers = [...new Set(panels.map((p) => source.layerNote?.(p)).filter((l): l is string => Boolean(l)))];
  return {
    title,
    source: `Close Call — ${pageLabels[source.page]}${exporter.agencyName ? ` of ${exporter.agencyName}` : ""}`,
    generatedAt: new Date(),
    filters: source.filters,
    taxonomyVersion: TAXONOMY_VERSION,
    suppression: suppressionNotes(reasons, source.privacy),
    notes: [...layers.map((l) => `Figures from: ${l}`), ...source.notes],
  };
}

async function audit(context: AppLoadContext, exporter: Exporter, source: ExportSource, file: string) {
  // The log records authenticated actions (docs/design.md §8): a signed-out download of the public summary
  // (published figures anyone can read) is not one, and would let anyone grow the log.
  if (exporter.userId === null) return;
  await appendAuditEntry(context.db, {
    actorUserId: exporter.userId,
    action: "export.created",
    targetType: "export",
    targetId: `${source.page}/${file}`,
    detail: { page: source.page, file, period: source.auditChoices },
  });
}

function streamResponse(context: AppLoadContext, stream: Readable, headers: Headers): Response {
  return new Response(downloadBody(stream, context), { headers });
}

function name(source: ExportSource, id: string, format: string): string {
  return `${fileStem(source.page, id)}-${source.choiceStem}.${format}`.replace(/-+\./, ".");
}

/** One table as CSV/XLSX, or `all.xlsx`: every table of the page, a sheet each. */
async function tableDownload(
  context: AppLoadContext,
  exporter: Exporter,
  source: ExportSource,
  file: { id: string; format: "csv" | "xlsx" },
): Promise<Response> {
  const all = file.id === "all" && file.format === "xlsx";
  const panels = source.panels.filter((p) => all || p.tables.some((t) => t.id === file.id));
  const chosen = panels.flatMap((p) => p.tables).filter((t) => all || t.id === file.id);
  if (chosen.length === 0)
    return notFound(file.id === "all" ? "“all” is an XLSX workbook only; this table" : `The table “${file.id}”`);
  const converted = chosen.map((t) => toExportTable(t, file.format));
  const reasons = new Set(converted.flatMap((c) => [...c.reasons]));
  const title = all
    ? `Every table of the ${pageLabels[source.page]} — ${source.choiceLine}`
    : `${converted[0]!.table.title}`;
  const meta = metadata(source, exporter, title, reasons, panels);
  const fileName = name(source, file.id, file.format);
  await audit(context, exporter, source, `${file.id}.${file.format}`);
  if (file.format === "csv") {
    const only = converted[0]!.table;
    return streamResponse(
      context,
      csvStream({ meta, headers: only.headers, rows: only.rows }),
      downloadHeaders("text/csv; charset=utf-8", fileName),
    );
  }
  const sheets = converted.map(({ table }) => ({
    name: table.title,
    headers: table.headers,
    rows: table.rows,
    widths: table.widths,
  }));
  return streamResponse(
    context,
    xlsxStream(meta, sheets),
    downloadHeaders("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName),
  );
}

/** One chart as SVG or PNG, drawn from the panel's own option, framed with its title, choices and notes. */
async function chartDownload(
  context: AppLoadContext,
  exporter: Exporter,
  source: ExportSource,
  file: { id: string; format: "svg" | "png" },
): Promise<Response> {
  const panel = source.panels.find((p) => p.id === file.id);
  if (!panel) return notFound(`The chart “${file.id}”`);
  if (!panel.chart) return notFound(`The chart “${file.id}” has nothing to draw and`);
  const width = panel.chart.ssrWidth ?? 720;
  const chartSvg = renderChartSvg(
    { ...panel.chart.option, backgroundColor: "#ffffff" },
    width,
    panel.chart.height,
    "export",
  );
  const reasons = new Set(panel.tables.flatMap((t) => [...toExportTable(t, "csv").reasons]));
  const meta = metadata(source, exporter, panel.title, reasons, [panel]);
  const layer = source.layerNote?.(panel);
  const svg = framedChartSvg(chartSvg, width, panel.chart.height, {
    title: panel.title,
    subtitle: `${panel.units} · ${source.choiceLine}${layer ? ` · ${layer}` : ""}`,
    footer: [
      `${meta.source} · generated ${meta.generatedAt.toISOString().slice(0, 10)} · taxonomy ` +
        `version ${meta.taxonomyVersion}`,
      ...(reasons.size > 0 && source.privacy
        ? [
            `Withheld figures are drawn as small hatched marks, never as 0 or as a bar: figures that depend on an ` +
              `agency below k = ${source.privacy.k} reports, or that would reveal one (the table says which).`,
          ]
        : []),
    ],
  });
  const fileName = name(source, file.id, file.format);
  await audit(context, exporter, source, `${file.id}.${file.format}`);
  if (file.format === "svg")
    return new Response(svg, { headers: downloadHeaders("image/svg+xml; charset=utf-8", fileName) });
  return new Response(new Uint8Array(svgToPng(svg)), { headers: downloadHeaders("image/png", fileName) });
}
