// The training briefing's URL: the agency page's choices (one schema, app/dashboard/agency-state.ts) plus
// which reports to choose from (search words, only those shared with the agency) and the chosen reports.
// Shared by the builder page and the PDF route. Browser-safe.
import { z } from "zod";
import { type AgencyState, parseAgencySearch } from "~/dashboard/agency-state";
import { PUBLIC_NUMBER } from "../../domain/public-number";

/** At most this many reports in one briefing (a roll call is short). */
export const MAX_BRIEFING_REPORTS = 8;

export const BriefingExtrasSchema = z.object({
  report: z.array(z.string().regex(PUBLIC_NUMBER, "Report numbers look like 2024-00413")).default([]),
  q: z.string().trim().max(200, "Use at most 200 characters").default(""),
  mine: z.enum(["1"], { errorMap: () => ({ message: "must be 1 when present" }) }).optional(),
  // Which page of the reports to choose from (not only the newest 20).
  page: z.coerce
    .number({ invalid_type_error: "must be a page number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(10_000, "is too large")
    .default(1),
});

export interface BriefingState {
  dashboard: AgencyState;
  reports: string[];
  q: string;
  mine: boolean;
  page: number;
}

export type BriefingParse =
  /** `tooMany`: more reports chosen than a briefing holds (the page keeps the choice and says so). */
  { ok: true; state: BriefingState; tooMany: boolean } | { ok: false; problems: { param: string; message: string }[] };

export const TOO_MANY_MESSAGE =
  `Choose at most ${MAX_BRIEFING_REPORTS} reports: a briefing holds ${MAX_BRIEFING_REPORTS} at most. Untick ` +
  `some and download again.`;

const EXTRA = new Set(["report", "q", "mine", "page"]);

export function parseBriefingSearch(params: URLSearchParams): BriefingParse {
  const dashboardParams = new URLSearchParams([...params].filter(([k]) => !EXTRA.has(k)));
  const dashboard = parseAgencySearch(dashboardParams, "the briefing");
  const extras = BriefingExtrasSchema.safeParse({
    report: [...new Set(params.getAll("report").filter((r) => r !== ""))],
    q: params.get("q") ?? undefined,
    mine: params.get("mine") || undefined,
    page: params.get("page") || undefined,
  });
  const problems = [
    ...(dashboard.ok ? [] : dashboard.problems),
    ...(extras.success
      ? []
      : extras.error.issues.map((i) => ({ param: String(i.path[0]), message: `“${String(i.path[0])}” ${i.message}` }))),
  ];
  if (!dashboard.ok || !extras.success) return { ok: false, problems };
  const state = {
    dashboard: dashboard.state,
    reports: extras.data.report,
    q: extras.data.q,
    mine: extras.data.mine === "1",
    page: extras.data.page,
  };
  return { ok: true, state, tooMany: state.reports.length > MAX_BRIEFING_REPORTS };
}
