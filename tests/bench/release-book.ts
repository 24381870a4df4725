// The release book at scale (docs/design.md §6.1): how long releasing one closed quarter takes for
// every partner agency (the audit by linear programming included), and what the large demo agencies
// can still see — the utility the design promises.
import { sql, type Kysely } from "kysely";
import { readAgencyBook } from "../../analytics/release-book/read-book";
import { releaseBook } from "../../analytics/release-book/release-job";
import { topBookFactors } from "../../analytics/agency-book/get-book-trends";
import type { Database } from "../../db/database";

export interface QuarterRelease {
  quarter: string;
  agencies: number;
  seconds: number;
  lpSolves: number;
  /** Audit threads the release used (0: the job's own thread). */
  threads: number;
  complements: number;
}

export interface AgencyUtility {
  agency: string;
  years: {
    year: string;
    reports: number | null;
    /** Factors cited at least k times that year (all reports counted toward the agency). */
    citedAtLeastK: number;
    released: number;
    /** Of those, factors whose count-only part is at least k (primary suppression cannot withhold them). */
    primaryEligible: number;
    releasedOfEligible: number;
  }[];
  /** The agency's top five factors over the released years: cells released year by year. */
  topFive: { released: number; cells: number };
  quarters: { released: number; total: number };
}

export interface ReleaseBookResult {
  k: number;
  agencyMinReports: number;
  year: number;
  quarters: QuarterRelease[];
  /** The slowest single quarter for all partner agencies (the target: ≤ 60 s). */
  slowestSeconds: number;
  backfillSeconds: number;
  utility: AgencyUtility[];
}

const DEMO_AGENCIES = ["Metro City Police Department", "Harbor County Sheriff's Office"];

async function reset(db: Kysely<Database>, firstQuarter: string): Promise<void> {
  await sql`DELETE FROM release_book_cells`.execute(db);
  await sql`DELETE FROM release_book_releases`.execute(db);
  await sql`INSERT INTO app_meta (key, value) VALUES ('release_book_first_quarter', ${firstQuarter})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db);
}

async function utilityOf(db: Kysely<Database>, name: string, k: number): Promise<AgencyUtility | null> {
  const row = (await sql<{ id: string }>`SELECT id::VARCHAR AS id FROM agencies WHERE name = ${name}`.execute(db))
    .rows[0];
  if (!row) return null;
  const book = await readAgencyBook(db, row.id);
  const truth = await sql<{ year: string; factor: string; cited: number; countOnly: number }>`
    SELECT year(r.published_month)::VARCHAR AS year, f.factor_code AS factor, count(*)::INTEGER AS cited,
      count(*) FILTER (WHERE p.consent_level = 'agency_stats')::INTEGER AS "countOnly"
    FROM reports r JOIN report_protected p ON p.report_id = r.id JOIN report_factors f ON f.report_id = r.id
    WHERE p.agency_id = ${row.id}::UUID GROUP BY ALL`.execute(db);
  const years = book.years.map((year) => {
    const of = truth.rows.filter((t) => t.year === year);
    const cited = of.filter((t) => t.cited >= k);
    const eligible = of.filter((t) => t.countOnly >= k);
    const isReleased = (factor: string) => typeof book.cell(year, "agency", `f:${factor}`) === "number";
    const reports = book.cell(year, "agency", "n");
    return {
      year,
      reports: typeof reports === "number" ? reports : null,
      citedAtLeastK: cited.length,
      released: cited.filter((t) => isReleased(t.factor)).length,
      primaryEligible: eligible.length,
      releasedOfEligible: eligible.filter((t) => isReleased(t.factor)).length,
    };
  });
  const top = topBookFactors(book, 5);
  let released = 0;
  for (const year of book.years)
    for (const f of top) if (typeof book.cell(year, "agency", `f:${f}`) === "number") released++;
  const quarters = book.quarters.map((q) => book.cell(q, "agency", "n"));
  return {
    agency: name,
    years,
    topFive: { released, cells: top.length * book.years.length },
    quarters: { released: quarters.filter((c) => typeof c === "number").length, total: quarters.length },
  };
}

/**
 * Releases year Y − 1 at once (a new book's history), then year Y quarter by quarter as the job would
 * (each quarter audited against the ones before; the year with its fourth quarter), timing each for
 * all agencies; then measures the demo agencies' utility. The books are left released up to the
 * latest closed quarter, so the HTTP section's server finds nothing left to release.
 */
export async function runReleaseBookBench(
  db: Kysely<Database>,
  options: { year: number; today: string; k: number; agencyMinReports: number },
  log: (line: string) => void,
): Promise<ReleaseBookResult> {
  const rules = { k: options.k, agencyMinReports: options.agencyMinReports };
  const { year, today } = options;
  await reset(db, `${year - 1}-Q1`);
  const backfillStart = performance.now();
  await releaseBook(db, { today, rules, upTo: `${year - 1}-Q4` });
  const backfillSeconds = (performance.now() - backfillStart) / 1000;
  log(`Released ${year - 1} at once (every quarter and the year, all agencies) in ${backfillSeconds.toFixed(1)} s`);
  const quarters: QuarterRelease[] = [];
  for (const q of [1, 2, 3, 4]) {
    const summary = await releaseBook(db, { today, rules, upTo: `${year}-Q${q}` });
    const release: QuarterRelease = {
      quarter: `${year}-Q${q}`,
      agencies: summary.agencies,
      seconds: summary.seconds,
      lpSolves: summary.lpSolves,
      threads: summary.auditThreads,
      complements: summary.complements,
    };
    quarters.push(release);
    log(
      `${release.quarter}${q === 4 ? ` and ${year}` : ""}: ${release.agencies} agencies ` +
        `in ${release.seconds.toFixed(1)} s (${release.lpSolves} linear ` +
        `programs, ${release.threads} audit threads; ${release.complements} cells withheld to ` +
        `protect others)`,
    );
  }
  await releaseBook(db, { today, rules });
  const utility: AgencyUtility[] = [];
  for (const name of DEMO_AGENCIES) {
    const u = await utilityOf(db, name, options.k);
    if (!u) continue;
    utility.push(u);
    log(
      `${name}: top 5 factors year by year ${u.topFive.released}/${u.topFive.cells} cells released; quarterly ` +
        `totals ${u.quarters.released}/${u.quarters.total}; ` +
        u.years
          .map(
            (y) =>
              `${y.year} (${y.reports ?? "withheld"} reports): ${y.released}/${y.citedAtLeastK} factors cited ≥ k ` +
              `released (${y.releasedOfEligible}/${y.primaryEligible} with ≥ k count-only)`,
          )
          .join("; "),
    );
  }
  return {
    k: options.k,
    agencyMinReports: options.agencyMinReports,
    year,
    quarters,
    backfillSeconds,
    slowestSeconds: Math.max(...quarters.map((q) => q.seconds)),
    utility,
  };
}
