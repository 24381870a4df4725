// File names, response headers and the filter list of dashboard downloads. Browser-safe.
import { labels } from "../../domain/taxonomy/index";
import type { DashboardState } from "~/dashboard/filter-schema";

export type ExportPage = "agency" | "national" | "summary";

export const pageLabels: Record<ExportPage, string> = {
  agency: "agency dashboard",
  national: "national view",
  summary: "national trends (public summary)",
};

/** e.g. closecall-agency-profile-2023-01-to-2025-12 (ASCII only: safe in every Content-Disposition). */
export function fileStem(
  page: ExportPage | "library" | "briefing",
  id: string,
  period?: { from: string; to: string },
): string {
  const parts = ["closecall", page, id, ...(period ? [`${period.from}-to-${period.to}`] : [])];
  return parts.join("-").replace(/[^A-Za-z0-9_-]+/g, "-");
}

/** An attachment that no cache keeps (agency figures are private; files are made per request). */
export function downloadHeaders(contentType: string, filename: string): Headers {
  return new Headers({
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
}

const compareWords = {
  month: "by month",
  quarter: "by quarter",
  year: "latest 12 months against the 12 before",
} as const;
const vsWords = {
  national: "the nation, excluding your agency",
  size: "agencies of your size",
  region: "agencies in your region",
} as const;

/** The filters as the page names them, the resolved period always included. */
export function dashboardFilterList(
  state: DashboardState,
  period: { from: string; to: string },
  page: ExportPage,
): { name: string; value: string }[] {
  const list = [
    {
      name: "Period",
      value: `${period.from} to ${period.to}${state.from || state.to ? "" : " (the latest 36 months with reports)"}`,
    },
    { name: "Headline comparison", value: compareWords[state.compare] },
  ];
  if (state.type) list.push({ name: "Incident type", value: labels.incidentType(state.type) });
  if (state.factor) list.push({ name: "Contributing factor", value: labels.factor(state.factor) });
  if (state.loss) list.push({ name: "Loss potential", value: labels.lossPotential(state.loss) });
  if (state.region) list.push({ name: "Census region", value: labels.censusRegion(state.region) });
  if (page === "agency") list.push({ name: "Compared with", value: vsWords[state.vs] });
  if (page === "national" && state.funnel)
    list.push({ name: "Funnel plot factor", value: labels.factor(state.funnel) });
  if (page !== "agency" && state.bfrom && state.bto)
    list.push({ name: "Factor profile compared with", value: `${state.bfrom} to ${state.bto}` });
  return list;
}
