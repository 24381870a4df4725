// What the library may read. Library queries select published, de-identified columns of `reports`
// and the derived `library_documents` only; tests/library-columns.test.ts checks that nothing else
// reaches a page. The single exception is the agency scope below (docs/design.md §6: an agency sees
// narratives its officers chose to share with it), and its agency id comes from the session.
import { sql, type RawBuilder } from "kysely";

/** Columns of `reports` that a library page may show (never `id`: URLs use public numbers). */
export const PUBLISHED_REPORT_COLUMNS = [
  "public_number",
  "taxonomy_version",
  "title",
  "summary",
  "lessons",
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
] as const;

export type PublishedReportColumn = (typeof PUBLISHED_REPORT_COLUMNS)[number];

/** Who is reading: the agency of an agency-role session user, never a value from the URL. */
export interface LibraryViewer {
  agencyId: string | null;
}

export const anonymousViewer: LibraryViewer = { agencyId: null };

/**
 * Reports whose officer chose "share the de-identified report with my agency's team" for the viewer's
 * agency. A viewer without an agency matches nothing (the filter never widens what anyone sees).
 */
export function sharedWithAgency(viewer: LibraryViewer): RawBuilder<boolean> {
  if (viewer.agencyId === null) return sql<boolean>`FALSE`;
  return sql<boolean>`d.report_id IN (
    SELECT p.report_id FROM report_protected p
    WHERE p.consent_level = 'agency_share' AND p.agency_id = ${viewer.agencyId}::UUID)`;
}
