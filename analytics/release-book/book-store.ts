// Storing and reading the release book. A release is written once, in one transaction, and never
// updated; an agency leaving the programme deletes its releases (its members lose access anyway).
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../../db/database";
import { inTransaction } from "../../db/in-transaction";
import type { Count, SuppressionReason } from "../../domain/figures";
import type { Population } from "./book-layout";
import { bumpBookVersion } from "./book-version";

const reasons = [
  "protected",
  "derived",
  "agency_minimum",
  "peer_group_too_small",
] as const satisfies readonly SuppressionReason[];
const ReasonSchema = z.enum(reasons);

/**
 * A stored table: a JSON array with a count or the reason per cell, or one reason string when every
 * cell is withheld for it (the whole table of an agency below the minimum: most rows of most books).
 */
const StoredCells = z.union([
  z.array(z.union([z.number().int().nonnegative(), ReasonSchema])),
  z.object({ all: ReasonSchema, cells: z.number().int().positive() }),
]);

export type StoredCell = number | SuppressionReason;

export function encodeCells(cells: readonly StoredCell[]): string {
  const first = cells[0];
  if (typeof first === "string" && cells.every((c) => c === first))
    return JSON.stringify({ all: first, cells: cells.length });
  return JSON.stringify(cells);
}

/** A stored table's cells (its length says whether a year table has the incident type × factor cells). */
export function decodeCells(text: string): StoredCell[] {
  const parsed = StoredCells.parse(JSON.parse(text));
  if (Array.isArray(parsed)) return parsed;
  return new Array<StoredCell>(parsed.cells).fill(parsed.all);
}

export function asCount(cell: StoredCell): Count {
  return typeof cell === "number" ? cell : { suppressed: true, reason: cell };
}

export interface StoredTable {
  period: string;
  population: Population;
  cells: StoredCell[];
}

export interface NewRelease {
  agencyId: string;
  quarter: string;
  releasedOn: string;
  rules: { k: number; agencyMinReports: number };
  sizeBand: string;
  region: string;
  audit: Record<string, number>;
  tables: StoredTable[];
}

/** Stores releases (one run of the job: every agency of a year) in one transaction. */
export async function storeReleases(db: Executor, releases: readonly NewRelease[]): Promise<void> {
  if (releases.length === 0) return;
  const CHUNK = 500;
  await inTransaction(db, async (trx) => {
    const withIds = releases.map((r) => ({ id: randomUUID(), release: r }));
    for (let i = 0; i < withIds.length; i += CHUNK) {
      await trx
        .insertInto("release_book_releases")
        .values(
          withIds.slice(i, i + CHUNK).map(({ id, release }) => ({
            id,
            agency_id: release.agencyId,
            quarter: release.quarter,
            released_on: release.releasedOn,
            privacy_k: release.rules.k,
            agency_min_reports: release.rules.agencyMinReports,
            size_band: release.sizeBand,
            census_region: release.region,
            audit: JSON.stringify(release.audit),
          })),
        )
        .execute();
    }
    const cells = withIds.flatMap(({ id, release }) =>
      release.tables.map((t) => ({
        release_id: id,
        agency_id: release.agencyId,
        period: t.period,
        population: t.population,
        cells: encodeCells(t.cells),
      })),
    );
    for (let i = 0; i < cells.length; i += CHUNK)
      await trx
        .insertInto("release_book_cells")
        .values(cells.slice(i, i + CHUNK))
        .execute();
    await bumpBookVersion(trx);
  });
}

const TableRow = z.object({
  period: z.string(),
  population: z.enum(["agency", "rest", "peer_size", "peer_region"]),
  cells: z.string(),
});

/** Every stored table of an agency's book (a few dozen rows). */
export async function readBookTables(db: Executor, agencyId: string): Promise<StoredTable[]> {
  const rows = await db
    .selectFrom("release_book_cells")
    .select(["period", "population", "cells"])
    .where("agency_id", "=", agencyId)
    .execute();
  return rows.map((raw) => {
    const row = TableRow.parse(raw);
    return { period: row.period, population: row.population, cells: decodeCells(row.cells) };
  });
}

const LatestRow = z.object({ agency: z.string(), quarter: z.string() });

/** The latest released quarter of each agency with a book. */
export async function latestReleasedQuarters(db: Executor): Promise<Map<string, string>> {
  const { rows } = await sql`SELECT agency_id::VARCHAR AS agency, quarter FROM release_book_releases`.execute(db);
  const out = new Map<string, string>();
  for (const raw of rows) {
    const row = LatestRow.parse(raw);
    const seen = out.get(row.agency);
    if (!seen || seen < row.quarter) out.set(row.agency, row.quarter);
  }
  return out;
}

const ReleaseRow = z.object({
  quarter: z.string(),
  released_on: z.string(),
  size_band: z.string(),
  census_region: z.string(),
  privacy_k: z.number(),
});

export interface ReleaseInfo {
  quarter: string;
  releasedOn: string;
  /** The peer groups as the latest release drew them. */
  sizeBand: string;
  region: string;
  k: number;
}

/** The agency's latest release: the quarter it closed, when, and under which peer groups and k. */
export async function latestRelease(db: Executor, agencyId: string): Promise<ReleaseInfo | null> {
  const { rows } = await sql`SELECT quarter, released_on::VARCHAR AS released_on, size_band, census_region, privacy_k
        FROM release_book_releases
    WHERE agency_id = ${agencyId}::UUID ORDER BY quarter DESC, released_on DESC LIMIT 1`.execute(db);
  if (rows.length === 0) return null;
  const row = ReleaseRow.parse(rows[0]);
  return {
    quarter: row.quarter,
    releasedOn: row.released_on,
    sizeBand: row.size_band,
    region: row.census_region,
    k: row.privacy_k,
  };
}

const FIRST_QUARTER_KEY = "release_book_first_quarter";

export async function readBookStart(db: Executor): Promise<string | null> {
  const row = await db.selectFrom("app_meta").select("value").where("key", "=", FIRST_QUARTER_KEY).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeBookStart(db: Executor, quarter: string): Promise<void> {
  await sql`INSERT INTO app_meta (key, value) VALUES (${FIRST_QUARTER_KEY}, ${quarter})
      ON CONFLICT (key) DO NOTHING`.execute(db);
}
