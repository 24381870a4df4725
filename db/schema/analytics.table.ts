import type { Selectable } from "kysely";
import {
  agencySizeBands,
  assignments,
  censusRegions,
  factors,
  incidentTypes,
  lightConditions,
  lossPotentials,
} from "../../domain/taxonomy/v1";
import type { ColumnSpecs, EnumType } from "./columns";

/**
 * Analytics rollups: derived from published reports, rebuilt by `closecall rebuild` and kept
 * current at publication by analytics/rollups. Coded fields are DuckDB ENUMs so that scans and group-bys
 * work on one-byte codes; their values follow the taxonomy lists (migration 0500).
 */
export interface AnalyticsReportTable {
  report_id: string;
  event_month: string;
  incident_type: string;
  loss_potential: string;
  census_region: string;
  light: string | null;
  assignment: string | null;
  /** Protected: only inside suppressed aggregates (docs/design.md §6). NULL when the officer chose "national only". */
  agency_id: string | null;
  agency_size_band: string | null;
  /** Bit i set when the report cites factors[i] of taxonomy v1 (filters and co-occurrence). */
  factor_mask: number;
}

/** One row per (report, cited factor), with the report's fields repeated so that no join is needed. */
export interface AnalyticsReportFactorTable extends AnalyticsReportTable {
  factor_code: string;
}

/** Every published report counted by month × region × incident type × loss potential (published fields only). */
export interface AnalyticsCubeReportTable {
  event_month: string;
  census_region: string;
  incident_type: string;
  loss_potential: string;
  reports: number;
}

/** As the report cube, per cited factor. */
export interface AnalyticsCubeFactorTable extends AnalyticsCubeReportTable {
  factor_code: string;
}

/** Reports citing each factor by month × region (national factor series without incident or loss filters). */
export interface AnalyticsMonthFactorTable {
  event_month: string;
  census_region: string;
  factor_code: string;
  reports: number;
}

/** Reports citing each factor by month × loss potential (national loss mixes without incident or region filters). */
export interface AnalyticsMonthLossFactorTable {
  event_month: string;
  loss_potential: string;
  factor_code: string;
  reports: number;
}

export type AnalyticsReport = Selectable<AnalyticsReportTable>;

type Coded = readonly { readonly code: string }[];
/** The information_schema spelling of an ENUM over a taxonomy list, e.g. ENUM('a', 'b'). */
export function enumOf(list: Coded): EnumType {
  return `ENUM(${list.map((item) => `'${item.code}'`).join(", ")})`;
}

const E = {
  incident: enumOf(incidentTypes),
  loss: enumOf(lossPotentials),
  region: enumOf(censusRegions),
  light: enumOf(lightConditions),
  assignment: enumOf(assignments),
  factor: enumOf(factors),
  sizeBand: enumOf(agencySizeBands),
};

export const analyticsReportColumns = {
  report_id: "UUID",
  event_month: "DATE",
  incident_type: E.incident,
  loss_potential: E.loss,
  census_region: E.region,
  light: `${E.light}?`,
  assignment: `${E.assignment}?`,
  agency_id: "UUID?",
  agency_size_band: `${E.sizeBand}?`,
  factor_mask: "BIGINT",
} as const satisfies ColumnSpecs<AnalyticsReportTable>;

export const analyticsReportFactorColumns = {
  ...analyticsReportColumns,
  factor_code: E.factor,
} as const satisfies ColumnSpecs<AnalyticsReportFactorTable>;

export const analyticsCubeReportColumns = {
  event_month: "DATE",
  census_region: E.region,
  incident_type: E.incident,
  loss_potential: E.loss,
  reports: "INTEGER",
} as const satisfies ColumnSpecs<AnalyticsCubeReportTable>;

export const analyticsCubeFactorColumns = {
  ...analyticsCubeReportColumns,
  factor_code: E.factor,
} as const satisfies ColumnSpecs<AnalyticsCubeFactorTable>;

export const analyticsMonthFactorColumns = {
  event_month: "DATE",
  census_region: E.region,
  factor_code: E.factor,
  reports: "INTEGER",
} as const satisfies ColumnSpecs<AnalyticsMonthFactorTable>;

export const analyticsMonthLossFactorColumns = {
  event_month: "DATE",
  loss_potential: E.loss,
  factor_code: E.factor,
  reports: "INTEGER",
} as const satisfies ColumnSpecs<AnalyticsMonthLossFactorTable>;
