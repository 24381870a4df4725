// The explorer's state lives in the URL (shareable, back button works). One zod schema reads it for
// the loader and for the browser; toSearchParams() writes it back for links, leaving defaults out.
import { z } from "zod";
import {
  censusRegions,
  codesOf,
  factorFamilies,
  factors,
  incidentTypes,
  lightConditions,
  lossPotentials,
  officerBands,
  weatherConditions,
} from "../../domain/taxonomy/index";
import type { LibraryFilters, LibraryPage, LibrarySort, SortColumn } from "../../domain/library-query";
import { sortColumns } from "../../domain/library-query";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_QUERY_LENGTH = 200;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Reports describe events from this month on; earlier months are refused rather than searched. */
export const FIRST_MONTH = "2000-01";

const many = <T extends [string, ...string[]]>(codes: T, what: string) =>
  z.array(z.enum(codes, { errorMap: () => ({ message: `is not a known ${what}` }) })).default([]);

const month = z
  .string()
  .regex(MONTH, "must be a month written YYYY-MM, for example 2024-03")
  .refine((m) => m >= FIRST_MONTH, `must be ${FIRST_MONTH} or later`)
  .nullable()
  .default(null);

export const LibrarySearchSchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).default(""),
    type: many(codesOf(incidentTypes), "incident type"),
    factor: many(codesOf(factors), "contributing factor"),
    match: z.enum(["any", "all"], { errorMap: () => ({ message: "must be any or all" }) }).default("any"),
    family: many(codesOf(factorFamilies), "factor family"),
    loss: many(codesOf(lossPotentials), "loss potential"),
    from: month,
    to: month,
    region: many(codesOf(censusRegions), "census region"),
    light: many(codesOf(lightConditions), "light condition"),
    weather: many(codesOf(weatherConditions), "weather condition"),
    officers: many(codesOf(officerBands), "number of officers"),
    mine: z.enum(["1"], { errorMap: () => ({ message: "must be 1 when present" }) }).optional(),
    sort: z.enum(sortColumns, { errorMap: () => ({ message: `must be one of ${sortColumns.join(", ")}` }) }).optional(),
    dir: z.enum(["asc", "desc"], { errorMap: () => ({ message: "must be asc or desc" }) }).optional(),
    page: z.coerce
      .number({ invalid_type_error: "must be a page number" })
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(10_000, "is too far")
      .default(1),
    size: z.coerce
      .number({ invalid_type_error: "must be a number" })
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `must be one of ${PAGE_SIZES.join(", ")}`)
      .default(25),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before the start month" });
  });

export interface LibraryState {
  filters: LibraryFilters;
  sort: LibrarySort;
  page: LibraryPage;
}

export type ParseResult =
  | { ok: true; state: LibraryState }
  | { ok: false; problems: { param: string; message: string }[]; valid: URLSearchParams };

const MULTI = new Set(["type", "factor", "family", "loss", "region", "light", "weather", "officers"]);

function toObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length === 0) continue;
    out[key] = MULTI.has(key) ? [...new Set(values)] : values[values.length - 1]!;
  }
  return out;
}

/** Default sort: relevance while searching, newest publications otherwise (every sort is descending unless dir=asc). */
export function defaultSort(q: string): LibrarySort {
  return q.trim() === "" ? { column: "published", descending: true } : { column: "relevance", descending: true };
}

/** Reads the explorer state from the URL; on bad input, says which parameters and keeps the rest. */
export function parseLibrarySearch(params: URLSearchParams): ParseResult {
  const parsed = LibrarySearchSchema.safeParse(toObject(params));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const param = String(issue.path[0] ?? "");
      const value = params.getAll(param).join(", ");
      return { param, message: `“${param}=${value.length > 40 ? `${value.slice(0, 40)}…` : value}” ${issue.message}` };
    });
    const bad = new Set(problems.map((p) => p.param));
    const valid = new URLSearchParams([...params].filter(([k]) => !bad.has(k)));
    return { ok: false, problems, valid };
  }
  const v = parsed.data;
  const fallback = defaultSort(v.q);
  const column: SortColumn = v.sort ?? fallback.column;
  return {
    ok: true,
    state: {
      filters: {
        q: v.q,
        incidentTypes: v.type,
        factors: v.factor,
        factorMatch: v.match,
        families: v.family,
        lossPotentials: v.loss,
        from: v.from,
        to: v.to,
        regions: v.region,
        light: v.light,
        weather: v.weather,
        officers: v.officers,
        sharedWithMyAgency: v.mine === "1",
      },
      sort: { column, descending: v.dir !== "asc" },
      page: { page: v.page, size: v.size },
    },
  };
}

/** The URL of a state, defaults left out, so links stay short and shareable. */
export function toSearchParams(state: LibraryState): URLSearchParams {
  const { filters: f, sort, page } = state;
  const out = new URLSearchParams();
  if (f.q.trim()) out.set("q", f.q.trim());
  const lists: [string, string[]][] = [
    ["type", f.incidentTypes],
    ["factor", f.factors],
    ["family", f.families],
    ["loss", f.lossPotentials],
    ["region", f.regions],
    ["light", f.light],
    ["weather", f.weather],
    ["officers", f.officers],
  ];
  for (const [key, values] of lists) {
    for (const value of values) out.append(key, value);
    if (key === "factor" && f.factors.length > 1 && f.factorMatch === "all") out.set("match", "all");
  }
  if (f.from) out.set("from", f.from);
  if (f.to) out.set("to", f.to);
  if (f.sharedWithMyAgency) out.set("mine", "1");
  if (sort.column !== defaultSort(f.q).column) out.set("sort", sort.column);
  if (!sort.descending) out.set("dir", "asc");
  if (page.size !== 25) out.set("size", String(page.size));
  if (page.page > 1) out.set("page", String(page.page));
  return out;
}

/** A link target for the explorer with part of the state changed (any filter change returns to page 1). */
export function hrefWith(
  state: LibraryState,
  change: Partial<LibraryFilters> | { sort: LibrarySort } | { page: number },
): string {
  let next: LibraryState;
  if ("page" in change && typeof change.page === "number")
    next = { ...state, page: { ...state.page, page: change.page } };
  else if ("sort" in change) next = { ...state, sort: change.sort as LibrarySort, page: { ...state.page, page: 1 } };
  else {
    const filters = { ...state.filters, ...(change as Partial<LibraryFilters>) };
    // A sort that was only the default for the old text query follows the new query's default.
    const wasDefault = state.sort.column === defaultSort(state.filters.q).column && state.sort.descending;
    next = { filters, sort: wasDefault ? defaultSort(filters.q) : state.sort, page: { ...state.page, page: 1 } };
  }
  const query = toSearchParams(next).toString();
  return query ? `/reports?${query}` : "/reports";
}
