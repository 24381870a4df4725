import type { ResolvedFilters } from "./filters";
import type { CellTags } from "./privacy/cell-book";
import type { SuppressionInput } from "./privacy/suppress";
import type { Population } from "./queries/population";
import type { AnalyticsSource } from "./source";
import { AnalyticsAccessError, type Viewer } from "./viewer";

export type SubjectKind = "national" | "agency";
export type ReferenceKind = "national_excluding_agency" | "peers_size_band" | "peers_region";

/** Who a result describes and what it is compared with, with labels for charts and tables. */
export interface PopulationLabel {
  kind: SubjectKind | ReferenceKind | "partner_agencies";
  label: string;
}

export interface Comparison {
  subject: { kind: SubjectKind; population: Population; tags: CellTags; label: PopulationLabel };
  /** National-excluding-agency is counted as all reports minus the agency's. */
  reference: { kind: ReferenceKind; population: Population | null; tags: CellTags; label: PopulationLabel } | null;
  /** Raw gate sizes for the suppression function (never released). */
  gates: NonNullable<SuppressionInput["gates"]>;
}

const PUBLIC: CellTags = { protected: false };

/**
 * The comparison of a per-request query: always the whole nation, for every viewer. An agency member's
 * own, national-excluding-agency and peer figures are read from the agency's release book instead
 * (analytics/agency-book, docs/design.md §6.1): nothing computed per request describes one agency.
 */
export async function resolveComparison(
  _source: AnalyticsSource,
  filters: ResolvedFilters,
  _viewer: Viewer,
): Promise<Comparison> {
  if (filters.scope !== "national")
    throw new AnalyticsAccessError("Agency and peer figures come from the agency's release book only");
  const national = {
    kind: "national" as const,
    population: { kind: "all" } as Population,
    tags: PUBLIC,
    label: { kind: "national" as const, label: "National (all reports)" },
  };
  return { subject: national, reference: null, gates: {} };
}
