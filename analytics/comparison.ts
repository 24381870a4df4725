import { sql } from "kysely";
import { z } from "zod";
import { labels } from "../db/taxonomy/index";
import type { ResolvedFilters } from "./filters";
import type { CellTags } from "./privacy/cell-book";
import type { SuppressionInput } from "./privacy/suppress";
import { countAgencies } from "./queries/aggregate";
import { windowTotal } from "./queries/slices";
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

const AgencySchema = z.object({ size_band: z.string(), census_region: z.string() });

async function viewerAgency(source: AnalyticsSource, agencyId: string) {
  return source.once(`agency:${agencyId}`, async () => {
    const { rows } = await sql`SELECT size_band, census_region FROM agencies WHERE id = ${agencyId}::UUID AND status = 'active'`
      .execute(source.db);
    if (rows.length === 0) throw new AnalyticsAccessError("No active partner agency for this viewer");
    return AgencySchema.parse(rows[0]);
  });
}

const PUBLIC: CellTags = { protected: false };
const AGENCY: CellTags = { protected: true, gate: "agency" };
const PEER: CellTags = { protected: true, gate: "peer" };

/**
 * Resolves the filters' scope for a viewer: national scope for everyone; agency and peer scopes only for
 * an agency member, always about the viewer's own agency.
 */
export async function resolveComparison(source: AnalyticsSource, filters: ResolvedFilters, viewer: Viewer): Promise<Comparison> {
  const national = { kind: "national" as const, population: { kind: "all" } as Population, tags: PUBLIC, label: { kind: "national" as const, label: "National (all reports)" } };
  if (filters.scope === "national") return { subject: national, reference: null, gates: {} };
  if (viewer.kind !== "agency") throw new AnalyticsAccessError(`The ${filters.scope} scope is for agency members only`);

  const agency = await viewerAgency(source, viewer.agencyId);
  const subjectPopulation: Population = { kind: "agency", agencyId: viewer.agencyId };
  const subject = { kind: "agency" as const, population: subjectPopulation, tags: AGENCY, label: { kind: "agency" as const, label: "Your agency" } };
  const agencyReports = await windowTotal(source, subjectPopulation, filters);
  if (filters.scope === "agency") {
    return {
      subject,
      reference: { kind: "national_excluding_agency", population: null, tags: AGENCY, label: { kind: "national_excluding_agency", label: "National, excluding your agency" } },
      gates: { agency: { reports: agencyReports } },
    };
  }
  const by = filters.scope === "peer_size" ? "size_band" : "region";
  const value = by === "size_band" ? agency.size_band : agency.census_region;
  const peers: Population = { kind: "peers", by, value, excludeAgencyId: viewer.agencyId };
  const [otherAgencies, reports] = await Promise.all([
    countAgencies(source, { population: peers, filters, months: filters.window }),
    windowTotal(source, peers, filters),
  ]);
  const label = by === "size_band"
    ? `Other agencies of ${labels.agencySizeBand(value)}`
    : `Other agencies in the ${labels.censusRegion(value)}`;
  return {
    subject,
    reference: { kind: by === "size_band" ? "peers_size_band" : "peers_region", population: peers, tags: PEER, label: { kind: by === "size_band" ? "peers_size_band" : "peers_region", label } },
    gates: { agency: { reports: agencyReports }, peer: { otherAgencies, reports } },
  };
}
