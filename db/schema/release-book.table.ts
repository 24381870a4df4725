import type { Selectable } from "kysely";
import type { ColumnSpecs } from "./columns";

/** One release of one agency's book: the quarter it closes and the rules it was suppressed under. */
export interface ReleaseBookReleaseTable {
  id: string;
  agency_id: string;
  /** The latest quarter of publication the release covers, e.g. "2025-Q4". */
  quarter: string;
  released_on: string;
  privacy_k: number;
  agency_min_reports: number;
  /** The agency's peer groups as released (a later change of size band never edits a released cell). */
  size_band: string;
  census_region: string;
  /** JSON: what the audit did (linear programs solved, cells withheld). */
  audit: string;
}

/** The cells of one period and population of a release, frozen. */
export interface ReleaseBookCellTable {
  release_id: string;
  agency_id: string;
  /** "2025" or "2025-Q3": quarter of publication, or calendar year of publication. */
  period: string;
  /** agency | rest | peer_size | peer_region */
  population: string;
  /** JSON array by cell position (analytics/release-book/book-layout.ts): a count, or why it is withheld. */
  cells: string;
}

export type ReleaseBookRelease = Selectable<ReleaseBookReleaseTable>;
export type ReleaseBookCell = Selectable<ReleaseBookCellTable>;

export const releaseBookReleaseColumns = {
  id: "UUID",
  agency_id: "UUID",
  quarter: "VARCHAR",
  released_on: "DATE",
  privacy_k: "INTEGER",
  agency_min_reports: "INTEGER",
  size_band: "VARCHAR",
  census_region: "VARCHAR",
  audit: "VARCHAR",
} as const satisfies ColumnSpecs<ReleaseBookReleaseTable>;

export const releaseBookCellColumns = {
  release_id: "UUID",
  agency_id: "UUID",
  period: "VARCHAR",
  population: "VARCHAR",
  cells: "VARCHAR",
} as const satisfies ColumnSpecs<ReleaseBookCellTable>;
