import type { Kysely } from "kysely";
import { runStatements } from "./run-statements";

// The release book (docs/design.md §6.1): every agency-dependent figure a member can see, decided by
// a release job per closed quarter of publication and frozen once stored. A release is one run for one
// agency; its cells are kept per period and population as a JSON array (a count, or the reason it is
// withheld), so that one agency's whole book is a few dozen rows. Cells are never updated: an agency
// leaving the programme deletes its releases.
const statements = [
  `CREATE TABLE release_book_releases (
    id UUID PRIMARY KEY,
    agency_id UUID NOT NULL,
    quarter VARCHAR NOT NULL,
    released_on DATE NOT NULL,
    privacy_k INTEGER NOT NULL,
    agency_min_reports INTEGER NOT NULL,
    size_band VARCHAR NOT NULL,
    census_region VARCHAR NOT NULL,
    audit VARCHAR NOT NULL
  )`,
  `CREATE TABLE release_book_cells (
    release_id UUID NOT NULL,
    agency_id UUID NOT NULL,
    period VARCHAR NOT NULL,
    population VARCHAR NOT NULL,
    cells VARCHAR NOT NULL
  )`,
  `CREATE INDEX release_book_cells_agency ON release_book_cells (agency_id)`,
  `CREATE INDEX release_book_releases_agency ON release_book_releases (agency_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, statements);
}
