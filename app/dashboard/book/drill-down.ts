// Drill-down from an agency figure keeps the agency's scope: the library filtered to the
// reports officers shared with the agency's team. Reports counted toward the agency but not shared are
// never listed anywhere — the links say so. No months: the library filters by event month, the book by
// month of publication. Browser-safe.
import { defaultSort, toSearchParams } from "~/library/filter-schema";
import { emptyFilters, type LibraryFilters } from "../../../domain/library-query";

export const DRILL_NOTE =
  "Links open the library filtered to the reports shared with your agency; reports only counted toward your " +
  "agency's statistics are never listed.";

export function sharedLibraryHref(
  item: { incidentType?: string | null; factor?: string | null; from?: string; to?: string } = {},
): string {
  const filters: LibraryFilters = {
    ...emptyFilters,
    incidentTypes: item.incidentType ? [item.incidentType] : [],
    factors: item.factor ? [item.factor] : [],
    from: item.from ?? null,
    to: item.to ?? null,
    sharedWithMyAgency: true,
  };
  return `/reports?${toSearchParams({ filters, sort: defaultSort(""), page: { page: 1, size: 25 } })}`;
}
