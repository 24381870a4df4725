// The agency dashboard's state in the URL. Its agency-dependent figures come from the release book
// (docs/design.md §6.1), so those filters are choices among the book's tables: a released year or quarter of
// publication, an incident type, a factor, a reference. The free layer (reports shared with the agency)
// takes any months of publication. Anything else is refused by name with what can be asked instead.
// Browser-safe: the filter bar and the page read it too.
import { z } from "zod";
import { codesOf, factors, incidentTypes } from "../../domain/taxonomy/index";

const PERIOD = /^\d{4}(-Q[1-4])?$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const agencyReferences = ["national", "size", "region"] as const;
export type AgencyReference = (typeof agencyReferences)[number];

/** URL parameters of the agency page (and of its downloads and the data API's figures). */
export const AGENCY_PARAMS = ["period", "type", "factor", "vs", "from", "to"] as const;

/** What each refused parameter of the former, per-request dashboard should become. */
const insteadOf: Record<string, string> = {
  compare: "compare periods by choosing them (“period” takes a year like 2025 or a quarter like 2025-Q3)",
  loss: "your agency's figures by loss potential are a table of the book for each period: choose the period",
  region: "your agency's figures are for its own region; compare with other agencies of your region with vs=region",
  funnel: "the funnel plot belongs to the national view",
  grain: "periods are years (2025) or quarters of publication (2025-Q3)",
};

const oneOf = <T extends [string, ...string[]]>(codes: T, what: string) =>
  z.enum(codes, { errorMap: () => ({ message: `is not a known ${what}` }) }).optional();
const month = (what: string) =>
  z.string().regex(MONTH, `${what} must be a month of publication written YYYY-MM, for example 2025-06`).optional();

export const AgencySearchSchema = z
  .object({
    period: z.string().regex(PERIOD, "must be a year like 2025 or a quarter like 2025-Q3").optional(),
    type: oneOf(codesOf(incidentTypes), "incident type"),
    factor: oneOf(codesOf(factors), "contributing factor"),
    vs: z
      .enum(agencyReferences, { errorMap: () => ({ message: "must be national, size or region" }) })
      .default("national"),
    from: month("“from”"),
    to: month("“to”"),
  })
  .strict();

export type AgencyState = z.infer<typeof AgencySearchSchema>;

export interface ParamProblem {
  param: string;
  message: string;
}

export type AgencyParse =
  { ok: true; state: AgencyState } | { ok: false; problems: ParamProblem[]; validSearch: string };

/** Reads the state from the URL; bad or unknown parameters are named, with what can be asked. */
export function parseAgencySearch(params: URLSearchParams, where = "this page"): AgencyParse {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") raw[key] = value;
  const parsed = AgencySearchSchema.safeParse(raw);
  if (parsed.success) {
    const { from, to } = parsed.data;
    if (from && to && from > to) {
      return {
        ok: false,
        problems: [{ param: "to", message: "“to” is before “from”" }],
        validSearch: without(params, ["to"]),
      };
    }
    return { ok: true, state: parsed.data };
  }
  const problems = parsed.error.issues.flatMap((issue): ParamProblem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((param) => ({
        param,
        message:
          `“${param}” is not a filter of ${where}${insteadOf[param] ? `: ${insteadOf[param]}` : ""}. It ` +
          `takes ${AGENCY_PARAMS.join(", ")}.`,
      }));
    }
    const param = String(issue.path[0] ?? "");
    return [{ param, message: `“${param}” ${issue.message}` }];
  });
  return {
    ok: false,
    problems,
    validSearch: without(
      params,
      problems.map((p) => p.param),
    ),
  };
}

function without(params: URLSearchParams, names: string[]): string {
  const bad = new Set(names);
  return new URLSearchParams([...params].filter(([k]) => !bad.has(k))).toString();
}

export function agencySearchParams(state: AgencyState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.period) out.set("period", state.period);
  if (state.type) out.set("type", state.type);
  if (state.factor) out.set("factor", state.factor);
  if (state.vs !== "national") out.set("vs", state.vs);
  if (state.from) out.set("from", state.from);
  if (state.to) out.set("to", state.to);
  return out;
}

export function agencyHref(path: string, state: AgencyState): string {
  const query = agencySearchParams(state).toString();
  return query ? `${path}?${query}` : path;
}
