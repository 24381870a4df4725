import { type RawBuilder, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exploreReports, findReports } from "../db/library/explore-reports";
import type { FacetKey, LibraryFilters, LibrarySort } from "../domain/library-query";
import { emptyFilters, facetKeys } from "../domain/library-query";
import { anonymousViewer } from "../db/library/published-columns";
import type { OpenDatabase } from "../db/open";
import { createLibraryDatabase } from "./support/library-database";

// Integration tests of the explorer on synthetic data. Expected figures come from SQL written here
// directly against `reports` and `report_factors` (not the library's derived tables).
let database: OpenDatabase;
beforeAll(async () => {
  database = await createLibraryDatabase();
});
afterAll(async () => {
  await database.close();
});

const newest: LibrarySort = { column: "published", descending: true };
const relevance: LibrarySort = { column: "relevance", descending: true };
const filtersOf = (f: Partial<LibraryFilters>): LibraryFilters => ({ ...emptyFilters, ...f });

/** The same filters as plain SQL over the source tables; `except` leaves one facet's filter out. */
function directWhere(f: LibraryFilters, except?: FacetKey): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`TRUE`];
  const inList = (col: string, values: string[], key: FacetKey) => {
    if (values.length && key !== except) parts.push(sql`${sql.ref(col)} IN (${sql.join(values)})`);
  };
  inList("r.incident_type", f.incidentTypes, "incident_type");
  inList("r.loss_potential", f.lossPotentials, "loss_potential");
  inList("r.census_region", f.regions, "census_region");
  inList("r.light", f.light, "light");
  inList("r.weather", f.weather, "weather");
  inList("r.officers_band", f.officers, "officers_band");
  if (f.factors.length && (except !== "factor" || f.factorMatch === "all")) {
    const cited = sql`(SELECT count(DISTINCT x.factor_code) FROM report_factors x WHERE x.report_id = r.id
        AND x.factor_code IN (${sql.join(f.factors)}))`;
    parts.push(f.factorMatch === "all" ? sql`${cited} = ${f.factors.length}` : sql`${cited} > 0`);
  }
  if (f.families.length && except !== "family") {
    parts.push(sql`EXISTS (SELECT 1 FROM report_factors x JOIN taxonomy_terms t ON t.kind = 'factor'
        AND t.code = x.factor_code
      AND t.version = r.taxonomy_version WHERE x.report_id = r.id AND t.parent_code IN (${sql.join(f.families)}))`);
  }
  if (except !== "year") {
    if (f.from) parts.push(sql`strftime(r.event_month, '%Y-%m') >= ${f.from}`);
    if (f.to) parts.push(sql`strftime(r.event_month, '%Y-%m') <= ${f.to}`);
  }
  return sql`${sql.join(parts, sql` AND `)}`;
}

async function directTotal(f: LibraryFilters): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM reports r WHERE ${directWhere(f)}`.execute(
    database.db,
  );
  return rows[0]!.n;
}

const directValue: Record<FacetKey, RawBuilder<unknown>> = {
  incident_type: sql`SELECT r.incident_type AS value, count(*) AS n FROM reports r`,
  loss_potential: sql`SELECT r.loss_potential AS value, count(*) AS n FROM reports r`,
  census_region: sql`SELECT r.census_region AS value, count(*) AS n FROM reports r`,
  light: sql`SELECT r.light AS value, count(*) AS n FROM reports r`,
  weather: sql`SELECT r.weather AS value, count(*) AS n FROM reports r`,
  officers_band: sql`SELECT r.officers_band AS value, count(*) AS n FROM reports r`,
  year: sql`SELECT CAST(year(r.event_month) AS VARCHAR) AS value, count(*) AS n FROM reports r`,
  factor: sql`SELECT x.factor_code AS value, count(DISTINCT r.id) AS n FROM reports r JOIN report_factors x
      ON x.report_id = r.id`,
  family: sql`SELECT t.parent_code AS value, count(DISTINCT r.id) AS n FROM reports r JOIN report_factors x
      ON x.report_id = r.id
    JOIN taxonomy_terms t ON t.kind = 'factor' AND t.code = x.factor_code AND t.version = r.taxonomy_version`,
};

async function directFacet(f: LibraryFilters, key: FacetKey): Promise<Record<string, number>> {
  const { rows } = await sql<{ value: string | null; n: number }>`
    ${directValue[key]} WHERE ${directWhere(f, key)} GROUP BY 1`.execute(database.db);
  return Object.fromEntries(rows.filter((r) => r.value !== null).map((r) => [r.value, r.n]));
}

const combinations: [string, Partial<LibraryFilters>][] = [
  ["no filter", {}],
  ["one incident type", { incidentTypes: ["traffic_stop"] }],
  [
    "two incident types and a loss potential",
    { incidentTypes: ["traffic_stop", "foot_pursuit"], lossPotentials: ["fatality", "serious_injury"] },
  ],
  ["factors, any of", { factors: ["hc_low_light", "td_inadequate_search"], factorMatch: "any" }],
  [
    "factors, all of, with region",
    { factors: ["hc_low_light", "st_concealed_weapon"], factorMatch: "all", regions: ["south", "west"] },
  ],
  [
    "family, months, light, weather, officers",
    {
      families: ["equipment"],
      from: "2021-03",
      to: "2024-08",
      light: ["dark_unlit", "dark_lit"],
      weather: ["clear"],
      officers: ["1", "2"],
    },
  ],
];

describe("explorer facets and totals", () => {
  it.each(combinations)("match a direct SQL count: %s", async (_name, partial) => {
    const filters = filtersOf(partial);
    const result = await exploreReports(database.db, filters, newest, { page: 1, size: 10 }, anonymousViewer);
    expect(result.total).toBe(await directTotal(filters));
    expect(result.total).toBeGreaterThan(0);
    for (const key of facetKeys) {
      const counted = Object.fromEntries(result.facets[key].map((v) => [v.value, v.count]));
      expect(counted, key).toEqual(await directFacet(filters, key));
    }
  });
});

describe("full-text search", () => {
  it("ranks a report whose title is the query first", async () => {
    const { rows } = await sql<{ title: string; public_number: string }>`
      SELECT title, public_number FROM reports ORDER BY public_number LIMIT 5 OFFSET 1234`.execute(database.db);
    for (const { title } of rows) {
      const result = await findReports(
        database.db,
        filtersOf({ q: title }),
        relevance,
        { page: 1, size: 5 },
        anonymousViewer,
      );
      expect(result.rows[0]?.title, title).toBe(title);
    }
  });

  it("stems: 'pursuing' finds reports that only say 'pursuit', and 'searched' finds 'search'", async () => {
    const onlyPursuit = await sql<{ public_number: string }>`
      SELECT public_number FROM reports
      WHERE regexp_matches(lower(title || ' ' || summary || ' ' || lessons), '\\bpursuit\\b')
        AND NOT regexp_matches(lower(title || ' ' || summary || ' ' || lessons), '\\bpursu(e|ed|es|ing)\\b')`.execute(
      database.db,
    );
    expect(onlyPursuit.rows.length).toBeGreaterThan(0);
    const found = await findReports(
      database.db,
      filtersOf({ q: "pursuing" }),
      relevance,
      { page: 1, size: 100 },
      anonymousViewer,
    );
    const all = await findReports(
      database.db,
      filtersOf({ q: "pursuing" }),
      relevance,
      { page: 1, size: found.total },
      anonymousViewer,
    );
    const numbers = new Set(all.rows.map((r) => r.publicNumber));
    for (const { public_number } of onlyPursuit.rows) expect(numbers.has(public_number)).toBe(true);
    // Inflections of the query word rank above derivations reached by prefix.
    expect(all.rows[0]!.snippet.some((s) => s.hit && /^pursu(e|ed|es|ing)$/i.test(s.text))).toBe(true);

    const searched = await findReports(
      database.db,
      filtersOf({ q: "searched" }),
      relevance,
      { page: 1, size: 5 },
      anonymousViewer,
    );
    const direct = await directCount(`\\bsearch(es|ed|ing)?\\b`);
    expect(searched.total).toBeGreaterThanOrEqual(direct);
    expect(searched.total).toBeGreaterThan(0);
  });

  it("requires every query word, highlights them, and combines with facets", async () => {
    const result = await findReports(
      database.db,
      filtersOf({ q: "radio failed", lossPotentials: ["fatality"] }),
      relevance,
      { page: 1, size: 200 },
      anonymousViewer,
    );
    expect(result.total).toBeGreaterThan(0);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM reports WHERE loss_potential = 'fatality'
        AND regexp_matches(lower(title || ' ' || summary || ' ' || lessons), '\\bradio')
        AND regexp_matches(lower(title || ' ' || summary || ' ' || lessons), '\\bfail')`.execute(database.db);
    expect(result.total).toBe(rows[0]!.n);
    for (const row of result.rows) {
      expect(row.lossPotential).toBe("fatality");
      expect(row.snippet.some((s) => s.hit)).toBe(true);
    }
  });

  it("finds nothing for a word no report contains, and says which word", async () => {
    const result = await exploreReports(
      database.db,
      filtersOf({ q: "radio xylophone" }),
      relevance,
      { page: 1, size: 10 },
      anonymousViewer,
    );
    expect(result.total).toBe(0);
    expect(result.search?.words).toEqual([
      { word: "radio", matches: 1 },
      { word: "xylophone", matches: 0 },
    ]);
  });

  it("leaves stop words out and browses when nothing else is left", async () => {
    const result = await findReports(
      database.db,
      filtersOf({ q: "the of and" }),
      relevance,
      { page: 1, size: 10 },
      anonymousViewer,
    );
    expect(result.search?.ignored).toEqual(["the", "of", "and"]);
    expect(result.total).toBe(4000);
  });
});

async function directCount(pattern: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM reports WHERE regexp_matches(lower(title || ' ' || summary || ' ' ||
      lessons), ${pattern})`.execute(database.db);
  return rows[0]!.n;
}

describe("pagination", () => {
  it.each<[string, Partial<LibraryFilters>, LibrarySort]>([
    ["relevance with many equal scores", { q: "traffic stop" }, relevance],
    [
      "event month, where many reports share a month",
      { incidentTypes: ["welfare_check"] },
      { column: "event", descending: false },
    ],
    ["loss potential", { regions: ["northeast"] }, { column: "loss", descending: true }],
  ])("is stable and complete: %s", async (_name, partial, sort) => {
    const filters = filtersOf(partial);
    const size = 40; // at least three full pages in every case below
    const first = await findReports(database.db, filters, sort, { page: 1, size }, anonymousViewer);
    expect(first.total).toBeGreaterThan(size * 3);
    const seen: string[] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      const a = await findReports(database.db, filters, sort, { page, size }, anonymousViewer);
      const b = await findReports(database.db, filters, sort, { page, size }, anonymousViewer);
      expect(b.rows.map((r) => r.publicNumber)).toEqual(a.rows.map((r) => r.publicNumber));
      seen.push(...a.rows.map((r) => r.publicNumber));
    }
    expect(seen.length).toBe(first.total);
    expect(new Set(seen).size).toBe(first.total);
  });

  it("a page past the end is empty but keeps the total", async () => {
    const result = await findReports(
      database.db,
      filtersOf({ incidentTypes: ["training"] }),
      newest,
      { page: 9999, size: 25 },
      anonymousViewer,
    );
    expect(result.rows).toEqual([]);
    expect(result.total).toBeGreaterThan(0);
  });
});
