// Releasing a world's book as the job would over time, and auditing every agency's book as its attacker
// and against the structural promises: shared by the attacker property test and its demonstrations.
import { type Kysely, sql } from "kysely";
import { readBookTables, type StoredTable, writeBookStart } from "../../analytics/release-book/book-store";
import { releaseBook } from "../../analytics/release-book/release-job";
import type { Database } from "../../db/database";
import type { OpenDatabase } from "../../db/open";
import { type AttackOptions, attackBook, type PinnedCell } from "./book-attacker";
import { type BookRules, type BookSnapshot, frozenViolations, snapshotOf, structuralViolations } from "./book-checks";
import { readAgencies, readAgencyTruth, type AgencyTruth } from "./book-truth";
import { buildWorld, insertAgencies, insertReports, type World, type WorldSpec } from "./book-world";
import { createTestDatabase } from "./test-database";

/** A day after quarter `q` closed (the job runs then). */
export function dayAfter(q: string): string {
  const year = Number(q.slice(0, 4));
  const quarter = Number(q.slice(-1));
  return quarter === 4 ? `${year + 1}-01-10` : `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-10`;
}

export async function readBooks(
  db: Kysely<Database>,
  agencyIds: readonly string[],
): Promise<Map<string, StoredTable[]>> {
  const out = new Map<string, StoredTable[]>();
  for (const id of agencyIds) out.set(id, await readBookTables(db, id));
  return out;
}

export interface ReleasedWorld {
  database: OpenDatabase;
  world: World;
  rules: BookRules;
  /** Frozen promises broken between successive releases. */
  frozen: string[];
  releases: number;
}

/**
 * Builds the world in a fresh database and releases its book: all at once, or quarter by quarter with
 * each quarter's reports written only before its release (so later releases are suppressed and audited
 * against frozen earlier ones, and a year after its quarters), comparing the books after each release.
 */
export async function releaseWorld(spec: WorldSpec): Promise<ReleasedWorld> {
  const database = await createTestDatabase();
  const world = buildWorld(spec);
  const rules = { k: spec.k, agencyMinReports: spec.agencyMinReports };
  await insertAgencies(database, world);
  await writeBookStart(database.db, world.firstQuarter);
  const ids = world.agencies.map((a) => a.id);
  const frozen: string[] = [];
  let releases = 0;
  if (!spec.incremental) {
    await insertReports(database, world.reports);
    await releaseBook(database.db, { today: dayAfter(world.lastQuarter), rules, upTo: world.lastQuarter });
    releases++;
  } else {
    let before: BookSnapshot | null = null;
    const allQuarters = [...new Set(world.reports.map((r) => r.quarter))].sort();
    for (const q of allQuarters) {
      await insertReports(
        database,
        world.reports.filter((r) => r.quarter === q),
      );
      if (!world.quarters.includes(q)) continue;
      await releaseBook(database.db, { today: dayAfter(q), rules, upTo: q });
      releases++;
      const after = snapshotOf(await readBooks(database.db, ids));
      if (before) frozen.push(...frozenViolations(before, after, `after ${q}`));
      before = after;
    }
  }
  return { database, world, rules, frozen, releases };
}

export interface AgencyAudit {
  agencyId: string;
  label: string;
  violations: string[];
  pinned: PinnedCell[];
  targets: number;
  solves: number;
}

/** Structural checks and the attacker for each agency's book (every period and population). */
export async function auditBooks(
  db: Kysely<Database>,
  agencyIds: readonly string[],
  rules: BookRules,
  span: { first: string; last: string },
  options: Partial<AttackOptions> & { books?: Map<string, StoredTable[]>; labels?: Map<string, string> } = {},
): Promise<AgencyAudit[]> {
  const agencies = new Map((await readAgencies(db)).map((a) => [a.id, a]));
  const books = options.books ?? (await readBooks(db, agencyIds));
  const years = { from: Number(span.first.slice(0, 4)), to: Number(span.last.slice(0, 4)) };
  const out: AgencyAudit[] = [];
  for (const id of agencyIds) {
    const agency = agencies.get(id);
    if (!agency) throw new Error(`No agency ${id}`);
    const truth: AgencyTruth = await readAgencyTruth(db, agency, years);
    const tables = books.get(id) ?? [];
    const violations = structuralViolations(tables, truth, rules, span);
    // The attacker needs true released cells (it checks the truth is feasible): only then is it run.
    const releases = await releaseOrder(db, id);
    const attack = violations.length
      ? { pinned: [], targets: 0, solves: 0 }
      : await attackBook(tables, truth, {
          k: rules.k,
          agencyMinReports: rules.agencyMinReports,
          releases,
          latentMatrix: options.latentMatrix,
          sets: options.sets,
        });
    out.push({ agencyId: id, label: options.labels?.get(id) ?? id, violations, ...attack });
  }
  return out;
}

/** Which release each of an agency's tables came in (period|population → order of release). */
export async function releaseOrder(db: Kysely<Database>, agencyId: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ period: string; population: string; quarter: string }>`
    SELECT c.period, c.population, r.quarter FROM release_book_cells c JOIN release_book_releases r
      ON r.id = c.release_id
    WHERE c.agency_id = ${agencyId}::UUID`.execute(db);
  const quarters = [...new Set(rows.map((r) => r.quarter))].sort();
  return new Map(rows.map((r) => [`${r.period}|${r.population}`, quarters.indexOf(r.quarter)]));
}

/** One line per pinned cell: where, the range the attacker's LP found, the truth and the public prior. */
export function describePinned(audit: AgencyAudit): string[] {
  return audit.pinned.map(
    (p) =>
      `${audit.label}: ${p.period} ${p.population} ${p.cell} pinned to ${fmt(p.min)}..${fmt(p.max)} ` +
      `(true ${p.truth}; public box ${p.priorBox}, public LP range ${fmt(p.priorLp)})`,
  );
}

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);
