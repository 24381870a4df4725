import type { ColumnSpecs } from "./columns";
import type { Insertable, Selectable } from "kysely";

/**
 * A published, de-identified report: only published fields (docs/design.md §6). Dates are months
 * (first day of the month), never days.
 */
export interface ReportTable {
  id: string;
  /** Public number, e.g. "2024-00413": year of publication plus a sequence assigned at publication. */
  public_number: string;
  taxonomy_version: number;
  title: string;
  summary: string;
  lessons: string;
  incident_type: string;
  loss_potential: string;
  event_month: string;
  time_block: string | null;
  light: string | null;
  weather: string | null;
  officers_band: string | null;
  assignment: string | null;
  service_band: string | null;
  census_region: string;
  published_month: string;
}

export type Report = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;

export interface ReportFactorTable {
  report_id: string;
  factor_code: string;
}

/**
 * Protected fields of a published report (docs/design.md §6), kept apart so that library and public queries
 * cannot select them by accident. Only suppressed aggregates may depend on them.
 */
export interface ReportProtectedTable {
  report_id: string;
  state: string;
  agency_id: string | null;
  agency_size_band: string | null;
  consent_level: "national" | "agency_stats" | "agency_share";
}

export type ReportProtected = Selectable<ReportProtectedTable>;

export const reportColumns = {
  id: "UUID",
  public_number: "VARCHAR",
  taxonomy_version: "INTEGER",
  title: "VARCHAR",
  summary: "VARCHAR",
  lessons: "VARCHAR",
  incident_type: "VARCHAR",
  loss_potential: "VARCHAR",
  event_month: "DATE",
  time_block: "VARCHAR?",
  light: "VARCHAR?",
  weather: "VARCHAR?",
  officers_band: "VARCHAR?",
  assignment: "VARCHAR?",
  service_band: "VARCHAR?",
  census_region: "VARCHAR",
  published_month: "DATE",
} as const satisfies ColumnSpecs<ReportTable>;

export const reportFactorColumns = {
  report_id: "UUID",
  factor_code: "VARCHAR",
} as const satisfies ColumnSpecs<ReportFactorTable>;

export const reportProtectedColumns = {
  report_id: "UUID",
  state: "VARCHAR",
  agency_id: "UUID?",
  agency_size_band: "VARCHAR?",
  consent_level: "VARCHAR",
} as const satisfies ColumnSpecs<ReportProtectedTable>;
