// Drill-down: a bar, cell or point opens the report library with the matching published-field filters
// (incident type, factors, loss potential, census region, event months). Never a protected field: the
// library shows national published reports. Browser-safe.
import { defaultSort, toSearchParams as librarySearchParams } from "~/library/filter-schema";
import { emptyFilters, type LibraryFilters } from "../../domain/library-query";
import type { DashboardState } from "./filter-schema";

export interface DrillTarget {
  incidentType?: string;
  factor?: string;
  lossPotential?: string;
  region?: string;
  /** Event months 'YYYY-MM', inclusive. */
  from?: string;
  to?: string;
}

/** The months of a quarter label '2025-Q3' → ['2025-07', '2025-09']. */
export function quarterMonths(quarter: string): { from: string; to: string } {
  const [year, q] = quarter.split("-Q") as [string, string];
  const first = (Number(q) - 1) * 3 + 1;
  const pad = (m: number) => String(m).padStart(2, "0");
  return { from: `${year}-${pad(first)}`, to: `${year}-${pad(first + 2)}` };
}

/**
 * The library URL for the dashboard's filters narrowed to one item. The dashboard's own factor and the
 * item's factor are both required (reports citing both).
 */
export function libraryHref(
  state: DashboardState,
  window: { from: string; to: string },
  item: DrillTarget = {},
): string {
  const factorCodes = [...new Set([state.factor, item.factor].filter((c): c is string => Boolean(c)))];
  const pick = (chosen: string | undefined, fallback: string | undefined) =>
    (chosen ?? fallback) ? [chosen ?? fallback!] : [];
  const filters: LibraryFilters = {
    ...emptyFilters,
    incidentTypes: pick(item.incidentType, state.type),
    factors: factorCodes,
    factorMatch: factorCodes.length > 1 ? "all" : "any",
    lossPotentials: pick(item.lossPotential, state.loss),
    regions: pick(item.region, state.region),
    from: item.from ?? window.from,
    to: item.to ?? window.to,
  };
  const query = librarySearchParams({ filters, sort: defaultSort(""), page: { page: 1, size: 25 } }).toString();
  return `/reports?${query}`;
}
