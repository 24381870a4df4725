import { z } from "zod";
import {
  assignments,
  censusRegions,
  codesOf,
  factorFamilies,
  factors,
  incidentTypes,
  lightConditions,
  lossPotentials,
} from "../domain/taxonomy/index";
import {
  binMonths,
  binOf,
  type Grain,
  MONTH_PATTERN,
  type MonthWindow,
  QUARTER_PATTERN,
  YEAR_PATTERN,
} from "../domain/period";

/** Longest window a query may cover (the synthetic decade; keeps every query bounded). */
export const MAX_WINDOW_MONTHS = 120;
/** Default window: the latest 36 months, enough quarters (12) for Mann-Kendall. */
export const DEFAULT_WINDOW_MONTHS = 36;

const patterns: Record<Grain, RegExp> = { month: MONTH_PATTERN, quarter: QUARTER_PATTERN, year: YEAR_PATTERN };
const examples: Record<Grain, string> = { month: "2025-04", quarter: "2025-Q2", year: "2025" };

/**
 * Per-request analytics answer over the whole nation only. Agency and peer figures come from each
 * agency's frozen release book (analytics/agency-book, docs/design.md §6.1): computing them per request let
 * overlapping questions recover what was withheld, so there is no agency or peer scope here at all.
 */
export const scopes = ["national"] as const;
export type Scope = (typeof scopes)[number];

/**
 * Dashboard filters (URL search params, docs/design.md §6): fixed period bins, at most one value per coded
 * dimension (a fixed category, never "all except X"), one factor or one factor family. The agency is
 * never a filter: it comes from the viewer.
 */
export const AnalyticsFiltersSchema = z
  .object({
    grain: z.enum(["month", "quarter", "year"]).default("month"),
    from: z.string().trim().optional(),
    to: z.string().trim().optional(),
    incidentType: z.enum(codesOf(incidentTypes)).optional(),
    factor: z.enum(codesOf(factors)).optional(),
    factorFamily: z.enum(codesOf(factorFamilies)).optional(),
    lossPotential: z.enum(codesOf(lossPotentials)).optional(),
    censusRegion: z.enum(codesOf(censusRegions)).optional(),
    light: z.enum(codesOf(lightConditions)).optional(),
    assignment: z.enum(codesOf(assignments)).optional(),
    scope: z.enum(scopes).default("national"),
  })
  .strict()
  .superRefine((f, ctx) => {
    for (const key of ["from", "to"] as const) {
      const value = f[key];
      if (value !== undefined && !patterns[f.grain].test(value)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: `Use a ${f.grain} like ${examples[f.grain]}`,
        });
      }
    }
    if (f.factor && f.factorFamily) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["factorFamily"],
        message: "Choose a factor or a factor family, not both",
      });
    }
    if (f.from && f.to && patterns[f.grain].test(f.from) && patterns[f.grain].test(f.to)) {
      const window = { from: binMonths(f.grain, f.from).from, to: binMonths(f.grain, f.to).to };
      if (window.from > window.to)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "The period ends before it starts" });
      else if (window.to - window.from + 1 > MAX_WINDOW_MONTHS) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["from"],
          message: `The period can cover at most ${MAX_WINDOW_MONTHS / 12} years`,
        });
      }
    }
  });

export type AnalyticsFilters = z.infer<typeof AnalyticsFiltersSchema>;
export type AnalyticsFiltersInput = z.input<typeof AnalyticsFiltersSchema>;

export class FilterError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(
      `Invalid filters: ${Object.entries(fieldErrors)
        .map(([k, v]) => `${k}: ${v.join(", ")}`)
        .join("; ")}`,
    );
    this.name = "FilterError";
  }
}

/** Parses filters from an object (CLI, tests) or URL search params; throws FilterError with field errors. */
export function parseAnalyticsFilters(input: AnalyticsFiltersInput | URLSearchParams): AnalyticsFilters {
  const raw = input instanceof URLSearchParams ? Object.fromEntries([...input].filter(([, v]) => v !== "")) : input;
  const parsed = AnalyticsFiltersSchema.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = parsed.error.flatten();
    // Unknown parameters (e.g. an agency id in the URL) are form errors: reported, never ignored.
    throw new FilterError({
      ...(fieldErrors as Record<string, string[]>),
      ...(formErrors.length ? { _: formErrors } : {}),
    });
  }
  return parsed.data;
}

/** The filters with the window resolved against the latest month that has data. */
export interface ResolvedFilters extends AnalyticsFilters {
  window: MonthWindow;
}

/**
 * Missing ends default to the latest month with data and a 36-month window, both rounded to whole bins
 * of the grain; a window ending after the data is kept (months without reports count zero).
 */
export function resolveFilters(filters: AnalyticsFilters, latestMonth: number): ResolvedFilters {
  const to = filters.to
    ? binMonths(filters.grain, filters.to).to
    : binMonths(filters.grain, binOf(filters.grain, latestMonth)).to;
  const from = filters.from
    ? binMonths(filters.grain, filters.from).from
    : binMonths(filters.grain, binOf(filters.grain, to - DEFAULT_WINDOW_MONTHS + 1)).from;
  if (to - from + 1 > MAX_WINDOW_MONTHS)
    throw new FilterError({ from: [`The period can cover at most ${MAX_WINDOW_MONTHS / 12} years`] });
  if (from > to) throw new FilterError({ to: ["The period ends before it starts"] });
  return { ...filters, window: { from, to } };
}
