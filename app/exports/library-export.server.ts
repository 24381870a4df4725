// The report library's current results as CSV or XLSX: the page's own filters, search and sort, its
// reader check and agency scope (from the session), published fields only, streamed. The route reaches
// the library query through this module (db/ and analytics/ stay out of the browser bundle).
import type { AppLoadContext } from "@remix-run/node";
import { csvStream } from "../../exports/csv-export";
import { type ExportMetadata, suppressionNotes } from "../../exports/export-metadata";
import { libraryHeaders, libraryRows, rankedDocuments } from "../../db/library/library-export";
import { XLSX_MAX_ROWS, xlsxStream } from "../../exports/xlsx-export";
import type { LibraryFilters, LibrarySort } from "../../domain/library-query";
import type { LibraryViewer } from "../../db/library/published-columns";
import { labels, TAXONOMY_VERSION } from "../../domain/taxonomy/index";
import { appendAuditEntry } from "~/auth/audit.server";
import { downloadBody } from "./download-body.server";
import { downloadHeaders, fileStem } from "./export-files";

export const LIBRARY_FILES = {
  "reports.csv": { format: "csv", narratives: false },
  "reports.xlsx": { format: "xlsx", narratives: false },
  "reports-with-narratives.csv": { format: "csv", narratives: true },
  "reports-with-narratives.xlsx": { format: "xlsx", narratives: true },
} as const;
export type LibraryFile = keyof typeof LIBRARY_FILES;

export function parseLibraryFile(file: string | undefined): LibraryFile {
  if (file && file in LIBRARY_FILES) return file as LibraryFile;
  throw new Response(`There is no such download. Files: ${Object.keys(LIBRARY_FILES).join(", ")}.`, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Long exports run a few at a time (each reads the whole library at worst); the rest are asked to retry. */
const MAX_RUNNING = 2;
const running = new WeakMap<object, number>();

function plain(text: string, status: number, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra },
  });
}

const sortWords: Record<LibrarySort["column"], string> = {
  relevance: "best match",
  published: "publication",
  event: "event month",
  loss: "loss potential",
  number: "report number",
};

function filterList(filters: LibraryFilters, sort: LibrarySort): { name: string; value: string }[] {
  const list: { name: string; value: string }[] = [];
  const add = (name: string, values: string[], label: (c: string) => string) => {
    if (values.length > 0) list.push({ name, value: values.map(label).join("; ") });
  };
  if (filters.q.trim()) list.push({ name: "Search words", value: filters.q.trim() });
  add("Incident type", filters.incidentTypes, labels.incidentType);
  add(`Contributing factors (${filters.factorMatch === "all" ? "all of" : "any of"})`, filters.factors, labels.factor);
  add("Factor family", filters.families, labels.factorFamily);
  add("Loss potential", filters.lossPotentials, labels.lossPotential);
  if (filters.from || filters.to)
    list.push({ name: "Event months", value: `${filters.from ?? "first"} to ${filters.to ?? "latest"}` });
  add("Census region", filters.regions, labels.censusRegion);
  add("Light", filters.light, labels.light);
  add("Weather", filters.weather, labels.weather);
  add("Officers on scene", filters.officers, labels.officerBand);
  if (filters.sharedWithMyAgency) list.push({ name: "Only reports shared with my agency", value: "yes" });
  list.push({ name: "Order", value: `${sortWords[sort.column]}, ${sort.descending ? "descending" : "ascending"}` });
  return list;
}

export async function libraryDownload(
  context: AppLoadContext,
  reader: { userId: string | null; viewer: LibraryViewer },
  state: { filters: LibraryFilters; sort: LibrarySort },
  file: LibraryFile,
  notes: string[],
): Promise<Response> {
  const { format, narratives } = LIBRARY_FILES[file];
  const owner = context.analytics as object;
  if ((running.get(owner) ?? 0) >= MAX_RUNNING)
    return plain("Other large exports are being made right now. Please try again in a minute.", 429, {
      "Retry-After": "60",
    });
  running.set(owner, (running.get(owner) ?? 0) + 1);
  let handedOver = false;
  const release = () => running.set(owner, Math.max(0, (running.get(owner) ?? 1) - 1));
  try {
    const ids = await rankedDocuments(context.analytics, state.filters, state.sort, reader.viewer);
    if (format === "xlsx" && ids.length >= XLSX_MAX_ROWS) {
      return plain(
        `These results have ${ids.length.toLocaleString("en-US")} reports: more rows than Excel can open ` +
          `(${(XLSX_MAX_ROWS - 1).toLocaleString("en-US")}). Download CSV instead, or narrow the filters.`,
        413,
      );
    }
    const meta: ExportMetadata = {
      title:
        `Published near-miss reports ` +
        `(${ids.length.toLocaleString("en-US")})${narratives ? " with their narratives" : ""}`,
      source: "Close Call — report library",
      generatedAt: new Date(),
      filters: filterList(state.filters, state.sort),
      taxonomyVersion: TAXONOMY_VERSION,
      suppression: suppressionNotes([], null),
      notes: [
        ...notes,
        "Dates are months only (YYYY-MM); narratives are de-identified, with removed details in [square brackets].",
      ],
    };
    if (reader.userId) {
      await appendAuditEntry(context.db, {
        actorUserId: reader.userId,
        action: "export.created",
        targetType: "export",
        targetId: `library/${file}`,
        detail: { page: "library", file, rows: ids.length },
      });
    }
    const headers = libraryHeaders({ narratives });
    const rows = libraryRows(context.analytics, ids, { narratives });
    const name = `${fileStem("library", narratives ? "reports-with-narratives" : "reports")}.${format}`;
    const stream =
      format === "csv" ? csvStream({ meta, headers, rows }) : xlsxStream(meta, [{ name: "Reports", headers, rows }]);
    stream.once("close", release);
    handedOver = true;
    const type =
      format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return new Response(downloadBody(stream, context), { headers: downloadHeaders(type, name) });
  } finally {
    if (!handedOver) release();
  }
}
