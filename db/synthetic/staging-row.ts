import type { SyntheticReport } from "./generate-reports";

/**
 * The seed appends each report as four strings: title, summary, lessons, and every short coded field
 * joined by tabs (split again by SQL in seed.ts). Fewer, larger values per row halve the appender's
 * per-value cost, which dominates a million-report load. Coded values never contain tabs or commas.
 */
export const STAGING_COLUMNS = 4;

export const CODED_FIELDS = [
  "id",
  "public_number",
  "incident_type",
  "loss_potential",
  "event_month",
  "time_block",
  "light",
  "weather",
  "officers_band",
  "assignment",
  "service_band",
  "census_region",
  "published_month",
  "factors",
  "state",
  "agency_id",
  "agency_size_band",
  "consent_level",
] as const;

export function toStagingRow(r: SyntheticReport): [string, string, string, string] {
  const coded = [
    r.id,
    r.publicNumber,
    r.incidentType,
    r.lossPotential,
    r.eventMonth,
    r.timeBlock,
    r.light,
    r.weather,
    r.officersBand,
    r.assignment,
    r.serviceBand,
    r.censusRegion,
    r.publishedMonth,
    r.factors.join(","),
    r.state,
    r.agencyId ?? "",
    r.agencySizeBand ?? "",
    r.consentLevel,
  ].join("\t");
  return [r.title, r.summary, r.lessons, coded];
}

/** SQL for coded field `name` from the split array `f` of the staging row. */
export function codedField(name: (typeof CODED_FIELDS)[number]): string {
  return `f[${CODED_FIELDS.indexOf(name) + 1}]`;
}
