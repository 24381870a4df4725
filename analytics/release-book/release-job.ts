// The release job (docs/design.md §6.1): after each publication batch, daily, and on `closecall release`, every
// active partner agency gets the closed quarters of publication it does not have yet, suppressed
// jointly with what it already has of the same year and audited by linear programming, then frozen.
// Nothing here runs for a page view.
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../../db/database";
import { suppressYearGroup } from "./audit";
import { AuditPool, type AuditResult } from "./audit-pool";
import { readYearCounts, type YearCounts } from "./book-counts";
import {
  cellCount,
  compareQuarters,
  isQuarter,
  latestClosedQuarter,
  type PeriodLabel,
  quartersOf,
  yearOf,
} from "./book-layout";
import { monthIndex, quarterOf } from "../../domain/period";
import {
  decodeCells,
  latestReleasedQuarters,
  type NewRelease,
  readBookStart,
  type StoredCell,
  type StoredTable,
  storeReleases,
  writeBookStart,
} from "./book-store";
import { type BookAgency, periodDataFor, type PeriodPlan, type PrivacyMinimums } from "./period-data";
import { type AuditedPopulation, cellsIn, type PeriodData, type Status } from "./year-group";

/** Years of history a new book starts with (a new deployment has none; the synthetic decade has ten). */
export const BOOK_HISTORY_YEARS = 5;

export interface ReleaseOptions {
  /** YYYY-MM-DD: quarters that ended before it are closed. */
  today: string;
  rules: PrivacyMinimums;
  /** Release up to this closed quarter only (default: the latest closed one). */
  upTo?: PeriodLabel;
  log?: (line: string) => void;
  /** Aborts between two agencies (the server shutting down); nothing of the unfinished year is stored. */
  signal?: AbortSignal;
  /**
   * Audit threads; 0 audits in this thread. Default: one per core when a year has at least
   * POOL_MIN_AGENCIES books to audit (starting threads costs more than it saves on a few).
   */
  workers?: number;
  /**
   * Where the published reports are counted (DuckDB SQL): in scale-out mode the process's analytics copy,
   * while the book itself is read and stored in the system of record (`db`). Default: `db`.
   */
  counts?: Executor;
}

const POOL_MIN_AGENCIES = 200;

export interface ReleaseSummary {
  upTo: PeriodLabel;
  releases: number;
  agencies: number;
  seconds: number;
  lpSolves: number;
  complements: number;
  /** Threads that audited the books (0: this one). */
  auditThreads: number;
  /** Per year released: agencies, seconds, linear programs solved. */
  years: { year: number; agencies: number; seconds: number; lpSolves: number }[];
}

const AgencyRow = z.object({ id: z.string(), size_band: z.string(), census_region: z.string() });

async function activeAgencies(db: Executor): Promise<BookAgency[]> {
  const { rows } = await sql`SELECT id::VARCHAR AS id, size_band, census_region FROM agencies
      WHERE status = 'active' ORDER BY id`.execute(db);
  return rows.map((r) => {
    const a = AgencyRow.parse(r);
    return { id: a.id, sizeBand: a.size_band, region: a.census_region };
  });
}

/** The book's first quarter: fixed at the first release (five years back, or the first publication). */
async function bookStart(db: Executor, counts: Executor, upTo: PeriodLabel): Promise<PeriodLabel> {
  const stored = await readBookStart(db);
  if (stored) return stored;
  const { rows } = await sql`SELECT min(published_month)::VARCHAR AS first FROM reports`.execute(counts);
  const first = z.object({ first: z.string().nullable() }).parse(rows[0]).first;
  const floor = `${yearOf(upTo) - BOOK_HISTORY_YEARS + 1}-Q1`;
  const earliest = first ? quarterOf(monthIndex(first)) : upTo;
  const start = compareQuarters(earliest, floor) > 0 ? earliest : floor;
  await writeBookStart(db, start);
  return start;
}

function statusesOf(table: StoredTable | undefined, length: number): Status[] {
  if (!table) return new Array<Status>(length).fill("agency_minimum");
  return table.cells.map((c) => (typeof c === "number" ? null : c));
}

/** The statuses every agency released for these periods (one query for all agencies of a year). */
async function frozenStatuses(
  db: Executor,
  periods: PeriodLabel[],
): Promise<Map<string, Map<PeriodLabel, Record<AuditedPopulation, Status[]>>>> {
  const out = new Map<string, Map<PeriodLabel, Record<AuditedPopulation, Status[]>>>();
  if (periods.length === 0) return out;
  const rows = await db
    .selectFrom("release_book_cells")
    .select(["agency_id", "period", "population", "cells"])
    .where("period", "in", periods)
    .where("population", "in", ["agency", "peer_size", "peer_region"])
    .execute();
  for (const row of rows) {
    const population = row.population as AuditedPopulation;
    let byPeriod = out.get(row.agency_id);
    if (!byPeriod) out.set(row.agency_id, (byPeriod = new Map()));
    let record = byPeriod.get(row.period);
    if (!record) {
      byPeriod.set(
        row.period,
        (record = {
          agency: statusesOf(undefined, cellCount("agency", row.period)),
          peer_size: statusesOf(undefined, cellCount("peer_size", row.period)),
          peer_region: statusesOf(undefined, cellCount("peer_region", row.period)),
        }),
      );
    }
    const cells = decodeCells(row.cells);
    record[population] = statusesOf({ period: row.period, population, cells }, cells.length);
  }
  return out;
}

/** How a withheld cell is stored: primary and complementary cells alike (see "protected"). */
function storedReason(status: Status): StoredCell | null {
  if (status === null) return null;
  return status === "below_k" || status === "complementary" ? "protected" : status;
}

/** The stored tables of the new periods: the agency's, the rest of the nation's, and (by year) its peers'. */
function tablesOf(data: readonly PeriodData[], status: Record<AuditedPopulation, Status[]>[]): StoredTable[] {
  const out: StoredTable[] = [];
  data.forEach((d, p) => {
    if (d.frozen) return;
    const s = status[p]!;
    const n = cellsIn(d, "agency");
    const agency: StoredCell[] = [];
    const rest: StoredCell[] = [];
    for (let x = 0; x < n; x++) {
      const reason = storedReason(s.agency[x]!);
      agency.push(reason ?? d.agency[x]!);
      // The nation without the agency is the public figure less the agency's: released with it.
      rest.push(reason ? "derived" : d.national[x]! - d.agency[x]!);
    }
    out.push(
      { period: d.period, population: "agency", cells: agency },
      { period: d.period, population: "rest", cells: rest },
    );
    for (const population of ["peer_size", "peer_region"] as const) {
      const length = cellCount(population, d.period);
      if (length === 0) continue;
      const values = population === "peer_size" ? d.peerSize : d.peerRegion;
      out.push({
        period: d.period,
        population,
        cells: Array.from({ length }, (_, x) => storedReason(s[population][x]!) ?? values[x]!),
      });
    }
  });
  return out;
}

/** Inputs equal → result equal: agencies with nothing in a year share their peers' audit. */
function inputKey(data: readonly PeriodData[]): string {
  const hash = createHash("sha1");
  for (const d of data) {
    hash.update(`${d.period}|${d.frozen}|${JSON.stringify(d.gates)}|${JSON.stringify(d.status ?? null)}`);
    for (const cells of [d.agency, d.shared, d.peerSize, d.peerRegion, d.national, d.regional, d.regionalUnlinked]) {
      hash.update(new Uint8Array(cells.buffer, cells.byteOffset, cells.byteLength));
    }
  }
  return hash.digest("hex");
}

function checkFrozen(data: readonly PeriodData[], agencyId: string): void {
  for (const d of data) {
    if (!d.frozen || !d.status) continue;
    // Released cells are never recomputed; if the data under them changed, the book would disagree.
    d.status.agency.forEach((s, x) => {
      if (s === null && d.agency[x]! < d.shared[x]!)
        throw new Error(`Book of agency ${agencyId}, ${d.period}: released data changed`);
    });
  }
}

/**
 * Releases every closed quarter up to `upTo` that an active agency does not have yet (from the book's
 * first quarter), year by year: a year's quarters and, once its fourth quarter has closed, the year.
 */
export async function releaseBook(db: Executor, options: ReleaseOptions): Promise<ReleaseSummary> {
  const started = performance.now();
  const closed = latestClosedQuarter(options.today);
  const upTo = options.upTo ?? closed;
  if (!isQuarter(upTo)) throw new RangeError(`“${upTo}” is not a quarter: write it like 2026-Q3`);
  if (compareQuarters(upTo, closed) > 0)
    throw new RangeError(`${upTo} has not closed yet: the latest closed quarter is ${closed}`);
  const summary: ReleaseSummary = {
    upTo,
    releases: 0,
    agencies: 0,
    seconds: 0,
    lpSolves: 0,
    complements: 0,
    auditThreads: 0,
    years: [],
  };
  const counted = options.counts ?? db;
  const start = await bookStart(db, counted, upTo);
  if (compareQuarters(upTo, start) < 0) return summary;
  const agencies = await activeAgencies(db);
  const latest = await latestReleasedQuarters(db);
  const released = new Set<string>();
  let pool: AuditPool | null = null;
  let poolSize = 0;
  const inFlight: Promise<void>[] = [];
  try {
    for (let year = yearOf(start); year <= yearOf(upTo); year++) {
      const inBook = quartersOf(year).filter((q) => compareQuarters(q, start) >= 0 && compareQuarters(q, upTo) <= 0);
      const due = agencies.filter((a) => {
        const last = latest.get(a.id);
        return !last || compareQuarters(inBook[inBook.length - 1]!, last) > 0;
      });
      if (due.length === 0) continue;
      const threads = options.workers ?? (due.length >= POOL_MIN_AGENCIES ? availableParallelism() : 0);
      if (!pool && threads > 0) {
        pool = AuditPool.open(threads);
        if (pool) summary.auditThreads = poolSize = threads;
      }
      const yearStarted = performance.now();
      let yearSolves = 0;
      let counts: YearCounts | null = null;
      const memo = new Map<string, Promise<AuditResult>>();
      const frozenByAgency = await frozenStatuses(db, inBook);
      const releases: NewRelease[] = [];
      for (const agency of due) {
        // The release runs inside the server (after a publication, at start, nightly): between agencies it
        // lets waiting requests through, so pages stay responsive while thousands of books are audited.
        await new Promise<void>((resolve) => setImmediate(resolve));
        options.signal?.throwIfAborted();
        const last = latest.get(agency.id);
        const frozenQuarters = inBook.filter((q) => last && compareQuarters(q, last) <= 0);
        const newQuarters = inBook.filter((q) => !frozenQuarters.includes(q));
        const frozen = frozenByAgency.get(agency.id) ?? new Map();
        const plan: PeriodPlan[] = [
          ...frozenQuarters.map((period) => ({ period, frozen: true, status: frozen.get(period) })),
          ...newQuarters.map((period) => ({ period, frozen: false })),
          ...(newQuarters.includes(`${year}-Q4`) && inBook.length === 4
            ? [{ period: String(year), frozen: false }]
            : []),
        ];
        counts ??= await readYearCounts(counted, year);
        const data = periodDataFor(counts, agency, plan, options.rules);
        checkFrozen(data, agency.id);
        const key = inputKey(data);
        let audit = memo.get(key);
        if (!audit) {
          const rules = { k: options.rules.k };
          audit = (pool ? pool.audit(data, rules) : suppressYearGroup(data, rules)).then((result) => {
            yearSolves += result.stats.lpSolves;
            summary.complements += result.stats.complements;
            if (result.stats.unprotectable > 0) {
              options.log?.(
                `Release book: ${result.stats.unprotectable} withheld cell(s) of one agency in ${year} are pinned ` +
                  "by earlier releases and public figures alone",
              );
            }
            return result;
          });
          memo.set(key, audit);
        }
        // Books keep the agencies' order whichever thread finishes first.
        const slot = releases.push(undefined as unknown as NewRelease) - 1;
        const newest = newQuarters[newQuarters.length - 1]!;
        inFlight.push(
          audit.then((result) => {
            releases[slot] = {
              agencyId: agency.id,
              quarter: newest,
              releasedOn: options.today,
              rules: options.rules,
              sizeBand: agency.sizeBand,
              region: agency.region,
              audit: { ...result.stats },
              tables: tablesOf(data, result.status),
            };
          }),
        );
        summary.releases++;
        released.add(agency.id);
        // A few agencies' years wait per thread, not thousands (each holds its counts); in this thread, one.
        while (inFlight.length > 4 * poolSize) await inFlight.shift();
      }
      await Promise.all(inFlight.splice(0));
      await storeReleases(db, releases);
      const seconds = (performance.now() - yearStarted) / 1000;
      summary.years.push({ year, agencies: due.length, seconds, lpSolves: yearSolves });
      summary.lpSolves += yearSolves;
      options.log?.(
        `Release book ${year}: ${due.length} agencies in ${seconds.toFixed(1)} s (${yearSolves} linear programs, ` +
          `${memo.size} distinct${pool ? `, ${poolSize} audit threads` : ""})`,
      );
    }
  } finally {
    // Handled before the pool is closed: closing rejects the audits still waiting (a stopped release),
    // and a rejection nobody handles would end the process.
    const settled = Promise.allSettled(inFlight);
    await (pool as AuditPool | null)?.close();
    await settled;
  }
  summary.agencies = released.size;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
