// The explorer's one entry point: a page of published reports for the filters, sort and text query,
// the total, and facet counts that respect every other filter. Everything is computed in DuckDB;
// only the rows of the page (published, de-identified fields) leave the database.
import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../database";
import { type FacetCounts, type FacetSource, countFacets } from "./facet-counts";
import { allOf, facetPredicates } from "./facet-predicates";
import type { LibraryFilters, LibraryPage, LibrarySort } from "../../domain/library-query";
import { type LibraryViewer, sharedWithAgency } from "./published-columns";
import {
  type AnalysedQuery,
  analyseQuery,
  EXACT_TITLE_BONUS,
  exactTitleBonus,
  hasUnmatchedWord,
  searchHits,
} from "./search-query";
import { type Snippet, makeSnippet } from "./snippet";
import { factorsOfMask } from "./factor-bits";
import { reportHeading } from "./recent-reports";

export interface ExplorerRow {
  publicNumber: string;
  title: string;
  snippet: Snippet;
  incidentType: string;
  lossPotential: string;
  eventMonth: string;
  publishedMonth: string;
  censusRegion: string;
  factorCodes: string[];
}

export interface ExplorerResult {
  rows: ExplorerRow[];
  total: number;
  pageCount: number;
  facets: FacetCounts;
  /** How the search read the text query (null when browsing): each word and how many terms it matched. */
  search: { words: { word: string; matches: number }[]; ignored: string[] } | null;
}

const lossRank = sql`CASE d.loss_potential WHEN 'fatality' THEN 4 WHEN 'serious_injury' THEN 3 WHEN 'minor_injury'
    THEN 2 ELSE 1 END`;

/**
 * The sort key computed per matching document (k) and the order over it. Every order ends in the
 * unique doc_id, so pages never overlap or skip a report.
 */
export function ordering(sort: LibrarySort, searching: boolean, score: RawBuilder<unknown>) {
  const dir = sql.raw(sort.descending ? "DESC" : "ASC");
  switch (sort.column) {
    case "relevance":
      return searching ? { key: score, order: sql`k DESC, doc_id DESC` } : { key: sql`0`, order: sql`doc_id DESC` };
    case "published":
      return { key: sql`0`, order: sql`doc_id ${dir}` };
    case "event":
      return { key: sql`d.event_month`, order: sql`k ${dir}, doc_id ${dir}` };
    case "loss":
      return { key: lossRank, order: sql`k ${dir}, doc_id DESC` };
    case "number":
      return { key: sql`d.public_number`, order: sql`k ${dir}, doc_id ${dir}` };
  }
}

/** A ranked page of reports with the total; exploreReports() adds the facet counts. */
export async function findReports(
  db: Executor,
  filters: LibraryFilters,
  sort: LibrarySort,
  page: LibraryPage,
  viewer: LibraryViewer,
): Promise<Omit<ExplorerResult, "facets"> & { source: FacetSource | null }> {
  const text = filters.q.trim();
  const query: AnalysedQuery | null = text === "" ? null : await analyseQuery(db, text);
  const searching = query !== null && query.words.length > 0;
  const search = query && {
    words: query.words.map((w) => ({ word: w.word, matches: w.terms.length })),
    ignored: query.ignored,
  };
  if (query && searching && hasUnmatchedWord(query)) {
    return { rows: [], total: 0, pageCount: 0, search, source: null };
  }
  const source = {
    from: searching
      ? sql`(${searchHits(query)}) h JOIN library_documents d ON d.doc_id = h.doc_id`
      : sql`library_documents d`,
    scope: filters.sharedWithMyAgency ? sharedWithAgency(viewer) : sql<boolean>`TRUE`,
    searching,
  };
  const { key, order } = ordering(sort, searching, searching ? sql`h.score + ${exactTitleBonus(query)}` : sql`0`);
  const predicates = [...Object.values(facetPredicates(filters))].filter((p) => p !== null);
  const where = allOf([source.scope, ...predicates]);
  // A plain relevance search needs nothing from the documents but exact titles: rank the hits alone
  // (the commonest words match half the library, and joining those to the documents doubled the time).
  const hitsOnly = searching && predicates.length === 0 && !filters.sharedWithMyAgency && sort.column === "relevance";
  const matches = hitsOnly
    ? sql`SELECT h.doc_id, h.score + CASE WHEN e.doc_id IS NULL THEN 0 ELSE ${sql.lit(EXACT_TITLE_BONUS)} END AS k
        FROM (${searchHits(query)}) h
        LEFT JOIN (SELECT doc_id FROM library_documents WHERE title_key = ${query.titleKey}) e ON e.doc_id = h.doc_id`
    : sql`SELECT d.doc_id, ${key} AS k FROM ${source.from} WHERE ${where}`;
  const offset = (page.page - 1) * page.size;
  // Rank and count on a lean relation (doc id, score, sort key); read the page's columns afterwards
  // for its 25 rows only. Carrying every column through the sort cost ~250 ms at 1M reports.
  const { rows: ranked } = await sql<{ doc_id: number; total: number }>`
    WITH m AS MATERIALIZED (${matches})
    SELECT doc_id, (SELECT count(*) FROM m) AS total FROM m
    ORDER BY ${order}
    LIMIT ${page.size} OFFSET ${offset}`.execute(db);
  const total = ranked[0]?.total ?? (offset > 0 ? await countMatches(db, matches) : 0);
  const rows = await readRows(
    db,
    ranked.map((r) => r.doc_id),
  );
  return {
    rows: rows
      .map((r) => ({ ...r, snippet: makeSnippet(r.summary, r.lessons, searching ? query : null) }))
      .map(({ summary: _s, lessons: _l, ...row }) => row),
    total,
    pageCount: Math.ceil(total / page.size),
    search,
    source,
  };
}

/** Everything the explorer shows: the page, the total and the facet counts. */
export async function exploreReports(
  db: Executor,
  filters: LibraryFilters,
  sort: LibrarySort,
  page: LibraryPage,
  viewer: LibraryViewer,
): Promise<ExplorerResult> {
  const { source, ...found } = await findReports(db, filters, sort, page, viewer);
  return { ...found, facets: await countFacets(db, source, filters) };
}

async function countMatches(db: Executor, matches: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${matches})`.execute(db);
  return rows[0]!.n;
}

/** The page's rows in rank order: published fields and the narrative (for the snippet only). */
async function readRows(db: Executor, docIds: number[]) {
  if (docIds.length === 0) return [];
  const rows = await db
    .selectFrom("library_documents as d")
    .innerJoin("reports as r", "r.id", "d.report_id")
    .select([
      "d.doc_id",
      "r.public_number",
      "r.title",
      "r.summary",
      "r.lessons",
      "r.incident_type",
      "r.loss_potential",
      "r.event_month",
      "r.published_month",
      "r.census_region",
      "d.factor_mask",
    ])
    .where("d.doc_id", "in", docIds)
    .execute();
  const byDoc = new Map(rows.map((r) => [r.doc_id, r]));
  return docIds.map((id) => {
    const r = byDoc.get(id)!;
    return {
      ...reportHeading(r),
      eventMonth: r.event_month.slice(0, 7),
      censusRegion: r.census_region,
      factorCodes: factorsOfMask(r.factor_mask),
    };
  });
}
