// What the explorer asks for, as plain data: the zod schema in app/library/filter-schema.ts produces
// it from the URL. Browser-safe (no database code); the SQL lives in db/library/facet-predicates.ts.

export interface LibraryFilters {
  /** Free text; empty means browse. */
  q: string;
  incidentTypes: string[];
  factors: string[];
  /** Whether a report needs any or all of `factors`. */
  factorMatch: "any" | "all";
  families: string[];
  lossPotentials: string[];
  /** Event month range, 'YYYY-MM', inclusive (fixed monthly bins, never days). */
  from: string | null;
  to: string | null;
  regions: string[];
  light: string[];
  weather: string[];
  officers: string[];
  /** Only reports shared with the viewer's agency (agency roles; the agency comes from the session). */
  sharedWithMyAgency: boolean;
}

export const sortColumns = ["relevance", "published", "event", "loss", "number"] as const;
export type SortColumn = (typeof sortColumns)[number];

export interface LibrarySort {
  column: SortColumn;
  descending: boolean;
}

export interface LibraryPage {
  page: number;
  size: number;
}

export const emptyFilters: LibraryFilters = {
  q: "",
  incidentTypes: [],
  factors: [],
  factorMatch: "any",
  families: [],
  lossPotentials: [],
  from: null,
  to: null,
  regions: [],
  light: [],
  weather: [],
  officers: [],
  sharedWithMyAgency: false,
};

/** The facets, each with the column or expression it counts. */
export const facetKeys = [
  "incident_type",
  "factor",
  "family",
  "loss_potential",
  "year",
  "census_region",
  "light",
  "weather",
  "officers_band",
] as const;
export type FacetKey = (typeof facetKeys)[number];
