// The report library's current results as export rows: the explorer's own filters, text query, agency
// scope and sort, published de-identified fields only. Streamed in two steps so that memory stays flat
// at any library size: (1) the matching document ids in the page's order — a lean sort of (id, key) —
// kept as a typed array; (2) the published fields of BATCH ids at a time, in that order, each row
// written out as it is read. Sorting the full rows in one query instead held every row (1 GB at 1M).
import { type Kysely, sql } from "kysely";
import type { Database } from "../database";
import { ordering } from "./explore-reports";
import { factorsOfMask } from "./factor-bits";
import { allOf, facetPredicates } from "./facet-predicates";
import type { LibraryFilters, LibrarySort } from "../../domain/library-query";
import { type LibraryViewer, sharedWithAgency } from "./published-columns";
import { analyseQuery, exactTitleBonus, hasUnmatchedWord, searchHits } from "./search-query";
import { labels } from "../../domain/taxonomy/index";
import type { ExportCell } from "../../domain/export-table";

/** Documents per query of the export (see libraryRows). */
const BATCH = 10_000;

export interface LibraryExportOptions {
  /** Add the event summary and lessons learned (the narrative: about 0.4 KB a report). */
  narratives: boolean;
}

export function libraryHeaders(options: LibraryExportOptions): string[] {
  return [
    "Report number",
    "Title",
    "Incident type",
    "Contributing risk factors",
    "Loss potential",
    "Event month",
    "Published month",
    "Census region",
    "Time of day",
    "Light",
    "Weather",
    "Officers on scene",
    "Assignment",
    "Years of service",
    "Taxonomy version",
    "Link",
    ...(options.narratives ? ["Event summary", "Lessons learned"] : []),
  ];
}

/** The matching document ids in the explorer's order (the same query, filters and sort as the page). */
export async function rankedDocuments(
  db: Kysely<Database>,
  filters: LibraryFilters,
  sort: LibrarySort,
  viewer: LibraryViewer,
): Promise<Int32Array> {
  const text = filters.q.trim();
  const query = text === "" ? null : await analyseQuery(db, text);
  const searching = query !== null && query.words.length > 0;
  if (query && searching && hasUnmatchedWord(query)) return new Int32Array(0);
  const from = searching
    ? sql`(${searchHits(query)}) h JOIN library_documents d ON d.doc_id = h.doc_id`
    : sql`library_documents d`;
  const scope = filters.sharedWithMyAgency ? sharedWithAgency(viewer) : sql<boolean>`TRUE`;
  const where = allOf([scope, ...Object.values(facetPredicates(filters))]);
  const { key, order } = ordering(sort, searching, searching ? sql`h.score + ${exactTitleBonus(query)}` : sql`0`);
  const matches = sql<{ doc_id: number }>`(SELECT d.doc_id, ${key} AS k FROM ${from} WHERE ${where})`;
  let ids = new Int32Array(1 << 16);
  let n = 0;
  for await (const row of db.selectFrom(matches.as("m")).select("m.doc_id").orderBy(order).stream(BATCH)) {
    if (n === ids.length) {
      const bigger = new Int32Array(ids.length * 2);
      bigger.set(ids);
      ids = bigger;
    }
    ids[n++] = row.doc_id;
  }
  return ids.subarray(0, n);
}

export interface PublishedRow {
  doc_id: number;
  public_number: string;
  title: string;
  incident_type: string;
  factor_mask: number;
  loss_potential: string;
  event_month: string;
  published_month: string;
  census_region: string;
  time_block: string | null;
  light: string | null;
  weather: string | null;
  officers_band: string | null;
  assignment: string | null;
  service_band: string | null;
  taxonomy_version: number;
  summary?: string;
  lessons?: string;
}

/** Published fields of the given documents (never `id`, never a protected field), by document id. */
export async function readPublishedRows(
  db: Kysely<Database>,
  docIds: number[],
  options: LibraryExportOptions,
): Promise<Map<number, PublishedRow>> {
  // unnest of an empty parameter list has no type DuckDB can infer (a page past the last one asks for none).
  if (docIds.length === 0) return new Map();
  const narrative = options.narratives ? sql`, r.summary, r.lessons` : sql``;
  const { rows } = await sql<PublishedRow>`
    SELECT d.doc_id, d.public_number, r.title, d.incident_type, d.factor_mask, d.loss_potential, d.event_month,
      d.published_month,
      d.census_region, r.time_block, d.light, d.weather, d.officers_band, r.assignment, r.service_band,
        r.taxonomy_version ${narrative}
    FROM library_documents d JOIN reports r ON r.id = d.report_id
    WHERE d.doc_id IN (SELECT unnest(${docIds}))`.execute(db);
  return new Map(rows.map((r) => [r.doc_id, r]));
}

/**
 * The report's page, site-relative: the configuration has no public base URL, and the address a request
 * came in on is the proxy's, not the one readers use. Prefix the site's address to open it.
 */
export function reportLink(publicNumber: string): string {
  return `/reports/${publicNumber}`;
}

function toCells(r: PublishedRow, options: LibraryExportOptions): ExportCell[] {
  return [
    r.public_number,
    r.title,
    labels.incidentType(r.incident_type),
    factorsOfMask(r.factor_mask)
      .map((c) => labels.factor(c))
      .join("; "),
    labels.lossPotential(r.loss_potential),
    r.event_month.slice(0, 7),
    r.published_month.slice(0, 7),
    labels.censusRegion(r.census_region),
    labels.timeBlock(r.time_block),
    labels.light(r.light),
    labels.weather(r.weather),
    labels.officerBand(r.officers_band),
    labels.assignment(r.assignment),
    labels.serviceBand(r.service_band),
    String(r.taxonomy_version),
    reportLink(r.public_number),
    ...(options.narratives ? [r.summary ?? "", r.lessons ?? ""] : []),
  ];
}

/**
 * Export rows in the given order. Each query takes BATCH ids with their positions and returns the rows
 * already in that order, and its result is read a DuckDB chunk (about 2,000 rows) at a time: a row lives
 * only until it is written, and no batch is held whole (the rest of the memory story is in
 * app/exports/download-body.server.ts). Each query scans `reports` once, so fewer, larger batches are
 * faster. A report withdrawn meanwhile is skipped.
 */
export async function* libraryRows(
  db: Kysely<Database>,
  docIds: Int32Array,
  options: LibraryExportOptions,
): AsyncGenerator<ExportCell[]> {
  const narrative = options.narratives ? sql`, r.summary, r.lessons` : sql``;
  for (let start = 0; start < docIds.length; start += BATCH) {
    const batch = Array.from(docIds.subarray(start, start + BATCH));
    const ordered = sql<PublishedRow & { pos: number }>`(
      SELECT w.pos, d.doc_id, d.public_number, r.title, d.incident_type, d.factor_mask, d.loss_potential,
        d.event_month, d.published_month,
        d.census_region, r.time_block, d.light, d.weather, d.officers_band, r.assignment, r.service_band,
          r.taxonomy_version ${narrative}
      FROM (SELECT unnest(l) AS doc_id, generate_subscripts(l, 1) AS pos FROM (SELECT ${batch}::INTEGER[] AS l)) w
      JOIN library_documents d ON d.doc_id = w.doc_id JOIN reports r ON r.id = d.report_id)`;
    for await (const row of db.selectFrom(ordered.as("x")).selectAll().orderBy("x.pos").stream())
      yield toCells(row, options);
  }
}
