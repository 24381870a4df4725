// The dashboards' state lives in the URL (shareable, back button safe). One zod schema reads it for the
// loaders and the filter bar; toSearchParams() writes it back with defaults left out. Browser-safe.
import { z } from "zod";
import { monthIndex, MONTH_PATTERN as MONTH } from "../../domain/period";
import { censusRegions, codesOf, factors, incidentTypes, labels, lossPotentials } from "../../domain/taxonomy/index";

/** The longest period (the analytics engine's bound: ten years of monthly bins). */
export const MAX_PERIOD_MONTHS = 120;

/** The bin the headline compares: the latest one in the period against the one before and a year before. */
export const compareGrains = ["month", "quarter", "year"] as const;
export type CompareGrain = (typeof compareGrains)[number];

/** What an agency's figures are set against (the analytics scope). */
export const referenceChoices = ["national", "size", "region"] as const;
export type ReferenceChoice = (typeof referenceChoices)[number];

/** URL parameter names, short so that shared links stay readable. */
export const PARAM = {
  from: "from",
  to: "to",
  compare: "compare",
  incidentType: "type",
  factor: "factor",
  lossPotential: "loss",
  region: "region",
  vs: "vs",
  funnel: "funnel",
  compareFrom: "bfrom",
  compareTo: "bto",
} as const;

const month = (what: string) =>
  z.string().regex(MONTH, `${what} must be a month written YYYY-MM, for example 2025-06`).optional();
const oneOf = <T extends [string, ...string[]]>(codes: T, what: string) =>
  z.enum(codes, { errorMap: () => ({ message: `is not a known ${what}` }) }).optional();

/**
 * Dashboard filters: a period of whole months, one incident type, one factor, one loss potential, one
 * census region (fixed categories, never "all except X": docs/design.md §6). No agency parameter exists: an
 * agency member's agency comes from the session.
 */
export const DashboardSearchSchema = z
  .object({
    from: month("The first month"),
    to: month("The last month"),
    compare: z
      .enum(compareGrains, { errorMap: () => ({ message: "must be month, quarter or year" }) })
      .default("quarter"),
    type: oneOf(codesOf(incidentTypes), "incident type"),
    factor: oneOf(codesOf(factors), "contributing factor"),
    loss: oneOf(codesOf(lossPotentials), "loss potential"),
    region: oneOf(codesOf(censusRegions), "census region"),
    vs: z
      .enum(referenceChoices, { errorMap: () => ({ message: "must be national, size or region" }) })
      .default("national"),
    funnel: oneOf(codesOf(factors), "contributing factor"),
    // A second period whose factor profile is set beside the page's (national pages only).
    bfrom: month("The first month of the comparison period"),
    bto: month("The last month of the comparison period"),
  })
  .strict()
  .superRefine((v, ctx) => {
    const checkSpan = (from: string | undefined, to: string | undefined, keys: [string, string], what: string) => {
      if (!from || !to || !MONTH.test(from) || !MONTH.test(to)) return;
      const span = monthIndex(to) - monthIndex(from) + 1;
      if (span < 1) ctx.addIssue({ code: "custom", path: [keys[1]], message: `${what} ends before it starts` });
      else if (span > MAX_PERIOD_MONTHS)
        ctx.addIssue({
          code: "custom",
          path: [keys[0]],
          message: `${what} can cover at most ${MAX_PERIOD_MONTHS / 12} years`,
        });
    };
    checkSpan(v.from, v.to, ["from", "to"], "The period");
    checkSpan(v.bfrom, v.bto, ["bfrom", "bto"], "The comparison period");
    // The comparison period has no default: half of one is a mistake, not "the latest months".
    if (v.bfrom && !v.bto)
      ctx.addIssue({
        code: "custom",
        path: ["bto"],
        message: "is needed with “bfrom”: the comparison period's last month, YYYY-MM",
      });
    if (v.bto && !v.bfrom)
      ctx.addIssue({
        code: "custom",
        path: ["bfrom"],
        message: "is needed with “bto”: the comparison period's first month, YYYY-MM",
      });
  });

export type DashboardState = z.infer<typeof DashboardSearchSchema>;

export const defaultState: DashboardState = { compare: "quarter", vs: "national" };

export type DashboardParse =
  | { ok: true; state: DashboardState }
  | { ok: false; problems: { param: string; message: string }[]; validSearch: string };

/** Reads the state from the URL; on bad input says which parameters were wrong and keeps the rest. */
export function parseDashboardSearch(params: URLSearchParams): DashboardParse {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") raw[key] = value;
  const parsed = DashboardSearchSchema.safeParse(raw);
  if (parsed.success) return { ok: true, state: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const param = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : String(issue.path[0] ?? "");
    const shown = issue.code === "unrecognized_keys" ? `is not a filter of this page` : issue.message;
    return { param, message: `“${param}” ${shown}` };
  });
  const bad = new Set(problems.flatMap((p) => p.param.split(", ")));
  // The comparison period goes as a pair: a link that kept half of it would be refused again.
  if (bad.has(PARAM.compareFrom) || bad.has(PARAM.compareTo))
    [PARAM.compareFrom, PARAM.compareTo].forEach((k) => bad.add(k));
  const valid = new URLSearchParams([...params].filter(([k]) => !bad.has(k)));
  return { ok: false, problems, validSearch: valid.toString() };
}

/** The URL query of a state, defaults left out. */
export function toSearchParams(state: DashboardState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.from) out.set(PARAM.from, state.from);
  if (state.to) out.set(PARAM.to, state.to);
  if (state.compare !== defaultState.compare) out.set(PARAM.compare, state.compare);
  if (state.type) out.set(PARAM.incidentType, state.type);
  if (state.factor) out.set(PARAM.factor, state.factor);
  if (state.loss) out.set(PARAM.lossPotential, state.loss);
  if (state.region) out.set(PARAM.region, state.region);
  if (state.vs !== defaultState.vs) out.set(PARAM.vs, state.vs);
  if (state.funnel) out.set(PARAM.funnel, state.funnel);
  if (state.bfrom) out.set(PARAM.compareFrom, state.bfrom);
  if (state.bto) out.set(PARAM.compareTo, state.bto);
  return out;
}

export function hrefOf(path: string, state: DashboardState): string {
  const query = toSearchParams(state).toString();
  return query ? `${path}?${query}` : path;
}

export interface ActiveFilter {
  key: string;
  label: string;
  /** The page without this filter. */
  removeHref: string;
}

const compareLabels: Record<CompareGrain, string> = {
  month: "Compare by month",
  quarter: "Compare by quarter",
  year: "Compare by 12 months",
};
const vsLabels: Record<ReferenceChoice, string> = {
  national: "Against the nation",
  size: "Against agencies of your size",
  region: "Against agencies in your region",
};

/** The filters in force, each with a link that removes it (the visible summary above the panels). */
export function activeFilters(path: string, state: DashboardState): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  const without = (change: Partial<DashboardState>) => hrefOf(path, { ...state, ...change });
  if (state.from || state.to) {
    out.push({
      key: "period",
      label: `Period ${state.from ?? "…"} to ${state.to ?? "latest"}`,
      removeHref: without({ from: undefined, to: undefined }),
    });
  }
  if (state.compare !== defaultState.compare)
    out.push({
      key: "compare",
      label: compareLabels[state.compare],
      removeHref: without({ compare: defaultState.compare }),
    });
  if (state.type)
    out.push({
      key: "type",
      label: `Incident type: ${labels.incidentType(state.type)}`,
      removeHref: without({ type: undefined }),
    });
  if (state.factor)
    out.push({
      key: "factor",
      label: `Factor: ${labels.factor(state.factor)}`,
      removeHref: without({ factor: undefined }),
    });
  if (state.loss)
    out.push({
      key: "loss",
      label: `Loss potential: ${labels.lossPotential(state.loss)}`,
      removeHref: without({ loss: undefined }),
    });
  if (state.region)
    out.push({
      key: "region",
      label: `Region: ${labels.censusRegion(state.region)}`,
      removeHref: without({ region: undefined }),
    });
  if (state.vs !== defaultState.vs)
    out.push({ key: "vs", label: vsLabels[state.vs], removeHref: without({ vs: defaultState.vs }) });
  if (state.funnel)
    out.push({
      key: "funnel",
      label: `Funnel plot: ${labels.factor(state.funnel)}`,
      removeHref: without({ funnel: undefined }),
    });
  if (state.bfrom && state.bto) {
    out.push({
      key: "periods",
      label: `Factors compared with ${state.bfrom} to ${state.bto}`,
      removeHref: without({ bfrom: undefined, bto: undefined }),
    });
  }
  return out;
}
