// One published report as the report page shows it, found by its public number.
import { sql } from "kysely";
import type { Executor } from "../database";
import { PUBLISHED_REPORT_COLUMNS } from "./published-columns";
import { PUBLIC_NUMBER } from "../../domain/public-number";

export interface PublishedReport {
  publicNumber: string;
  taxonomyVersion: number;
  title: string;
  summary: string;
  lessons: string;
  incidentType: string;
  lossPotential: string;
  /** 'YYYY-MM': months only, never days (docs/design.md §6). */
  eventMonth: string;
  publishedMonth: string;
  timeBlock: string | null;
  light: string | null;
  weather: string | null;
  officersBand: string | null;
  assignment: string | null;
  serviceBand: string | null;
  censusRegion: string;
  factorCodes: string[];
}

export { PUBLIC_NUMBER };

export async function getPublishedReport(db: Executor, publicNumber: string): Promise<PublishedReport | null> {
  if (!PUBLIC_NUMBER.test(publicNumber)) return null;
  const row = await db
    .selectFrom("reports as r")
    .select([...PUBLISHED_REPORT_COLUMNS.map((c) => `r.${c}` as const)])
    .select((eb) =>
      sql<string[]>`coalesce((SELECT list(f.factor_code ORDER BY f.factor_code) FROM report_factors f
          WHERE f.report_id = ${eb.ref("r.id")}), []::VARCHAR[])`.as("factor_codes"),
    )
    .where("r.public_number", "=", publicNumber)
    .executeTakeFirst();
  if (!row) return null;
  return {
    publicNumber: row.public_number,
    taxonomyVersion: row.taxonomy_version,
    title: row.title,
    summary: row.summary,
    lessons: row.lessons,
    incidentType: row.incident_type,
    lossPotential: row.loss_potential,
    eventMonth: row.event_month.slice(0, 7),
    publishedMonth: row.published_month.slice(0, 7),
    timeBlock: row.time_block,
    light: row.light,
    weather: row.weather,
    officersBand: row.officers_band,
    assignment: row.assignment,
    serviceBand: row.service_band,
    censusRegion: row.census_region,
    factorCodes: row.factor_codes,
  };
}
