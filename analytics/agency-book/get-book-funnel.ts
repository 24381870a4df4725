import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../../db/database";
import { labels } from "../../domain/taxonomy/index";
import { decodeCells } from "../release-book/book-store";
import { cellIndex, CELL } from "../release-book/book-layout";
import { funnelCurve } from "../stats/funnel-curve";
import type { FunnelLimits } from "../stats/funnel-limits";
import { funnelSide, type FunnelSide } from "../stats/funnel-limits";
import { SharedCache } from "../source";

export interface BookFunnel {
  factor: string;
  label: string;
  /** The year of publication whose released books are plotted. */
  year: string;
  /** The nation's share of that year's published reports citing the factor (public). */
  nationalShare: number | null;
  curve: FunnelLimits[];
  /** One dot per agency whose year total and factor cell are both released; no identity. */
  points: { n: number; share: number; position: FunnelSide }[];
  /** Agencies with a book for the year whose dot is withheld (below the minimum, or a withheld cell). */
  withheld: number;
  agencies: number;
}

const Row = z.object({ cells: z.string() });
const National = z.object({ total: z.number(), cited: z.number() });

/**
 * Funnel plot for programme staff (Spiegelhalter 2005): each partner agency's share of reports citing a
 * factor against its number of reports, with exact binomial 95% and 99.8% limits around the national
 * share, for one year of publication. Every dot is two released cells of that agency's release book —
 * nothing agency-dependent is computed for the request (docs/design.md §6.1). Dots carry no identity and are
 * sorted by size, so the order of agencies does not carry over.
 */
export async function getBookFunnel(
  db: Executor,
  choice: { year: string; factor: string; minimum: number },
): Promise<BookFunnel> {
  const factorCell = cellIndex(`f:${choice.factor}`);
  if (factorCell === undefined) throw new RangeError(`Not a factor: ${choice.factor}`);
  const [books, national] = await Promise.all([
    sql`SELECT cells FROM release_book_cells WHERE period = ${choice.year} AND population = 'agency'`.execute(db),
    sql`SELECT count(*)::INTEGER AS total,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM report_factors f WHERE f.report_id = r.id
          AND f.factor_code = ${choice.factor}))::INTEGER AS cited
      FROM reports r WHERE year(r.published_month) = ${Number(choice.year)}`.execute(db),
  ]);
  const { total, cited } = National.parse(national.rows[0]);
  const p0 = total > 0 ? cited / total : null;
  const points: BookFunnel["points"] = [];
  let withheld = 0;
  for (const raw of books.rows) {
    const cells = decodeCells(Row.parse(raw).cells);
    const n = cells[CELL.total];
    const a = cells[factorCell];
    if (typeof n !== "number" || typeof a !== "number" || n === 0 || p0 === null) withheld++;
    else points.push({ n, share: a / n, position: funnelSide(a, n, p0) });
  }
  points.sort((x, y) => x.n - y.n || x.share - y.share);
  const hi = Math.max(choice.minimum * 4, ...points.map((p) => p.n * 1.2));
  return {
    factor: choice.factor,
    label: labels.factor(choice.factor),
    year: choice.year,
    nationalShare: p0,
    curve: p0 === null ? [] : funnelCurve(choice.minimum, hi, p0),
    points,
    withheld,
    agencies: books.rows.length,
  };
}

const funnels = new SharedCache<BookFunnel>(64);
const Version = z.object({ releases: z.number(), latest: z.string().nullable() });

/** The funnel, kept until the next release (books change only then). */
export async function getBookFunnelCached(
  db: Executor,
  choice: { year: string; factor: string; minimum: number },
): Promise<BookFunnel> {
  const { rows } =
    await sql`SELECT count(*)::INTEGER AS releases, max(quarter) AS latest FROM release_book_releases`.execute(db);
  const version = Version.parse(rows[0]);
  return funnels.get(db, JSON.stringify([version, choice]), () => getBookFunnel(db, choice));
}

const YearRow = z.object({ period: z.string() });

/** Years of publication released in some agency's book, newest last. */
export async function bookYears(db: Executor): Promise<string[]> {
  const { rows } =
    await sql`SELECT DISTINCT period FROM release_book_cells WHERE population = 'agency' AND NOT contains(period, 'Q')
        ORDER BY 1`.execute(db);
  return rows.map((r) => YearRow.parse(r).period);
}
