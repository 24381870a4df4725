// The training briefing: the agency dashboard's factor profile (the page's own query, the same suppressed
// figures, the same chart option and table columns) and up to eight published reports chosen by the
// trainer, with discussion questions from their lessons. The builder page lists reports to choose from;
// the PDF route makes the file.
import type { AppLoadContext } from "@remix-run/node";
import { type BriefingReport, briefingPdf } from "../../analytics/exports/briefing-pdf";
import { discussionQuestions } from "../../analytics/exports/discussion-questions";
import { type ExportMetadata, suppressionNotes } from "../../analytics/exports/export-metadata";
import { findReports } from "../../db/library/explore-reports";
import { emptyFilters, type LibraryFilters } from "../../db/library/library-query";
import { getPublishedReport } from "../../db/library/report-page";
import { labels, TAXONOMY_VERSION } from "../../db/taxonomy/index";
import { getOwnAgency } from "~/auth/accounts.server";
import { appendAuditEntry } from "~/auth/audit.server";
import type { SessionUser } from "~/auth/session-user.server";
import { renderChartSvg } from "~/charts/render-svg";
import { getAgencyDashboard } from "~/dashboard/agency-dashboard.server";
import { agencyProfileTitle, profilePanel } from "~/dashboard/models/profile";
import { formatPeriod } from "~/dashboard/period-label";
import type { AgencyDashboardView } from "~/dashboard/view-types";
import { formatMonth } from "~/library/report-bits";
import type { BriefingState } from "./briefing-schema";
import { downloadBody } from "./download-body.server";
import { toExportTable } from "./dashboard-tables";
import { dashboardFilterList, downloadHeaders, fileStem } from "./export-files";
import { exportView } from "./export-request.server";

const CANDIDATES = 20;
const CHART_WIDTH = 720;

export interface BriefingCandidate {
  publicNumber: string;
  title: string;
  facts: string;
  snippet: string;
}

function facts(r: { incidentType: string; eventMonth: string; lossPotential: string; censusRegion: string }): string {
  return `${labels.incidentType(r.incidentType)} · ${formatMonth(r.eventMonth)} · could have been: ${labels.lossPotential(r.lossPotential).toLowerCase()} · ${labels.censusRegion(r.censusRegion)}`;
}

function candidateFilters(state: BriefingState, period: { from: string; to: string }): LibraryFilters {
  const one = (code: string | undefined) => (code ? [code] : []);
  const d = state.dashboard;
  return {
    ...emptyFilters, q: state.q, incidentTypes: one(d.type), factors: one(d.factor), lossPotentials: one(d.loss), regions: one(d.region),
    from: period.from, to: period.to, sharedWithMyAgency: state.mine,
  };
}

async function agencyView(context: AppLoadContext, user: SessionUser, state: BriefingState): Promise<AgencyDashboardView> {
  return exportView(() => getAgencyDashboard(context, user, state.dashboard));
}

function profileFigure(view: AgencyDashboardView) {
  const model = profilePanel(view.profile, view.state, view.period, agencyProfileTitle(view));
  const { table, reasons } = toExportTable(model.tables[0]!);
  const chart = model.chart
    ? { svg: renderChartSvg({ ...model.chart.option, backgroundColor: "#ffffff" }, CHART_WIDTH, model.chart.height, "briefing"), width: CHART_WIDTH, height: model.chart.height, title: model.title, units: model.units }
    : null;
  return { model, table, reasons, chart };
}

/**
 * One page of the reports to choose from (the trainer's words and filters, newest or best first), and
 * the chosen reports that are not on it, so a choice survives searching and paging.
 */
async function briefingCandidates(context: AppLoadContext, user: SessionUser, state: BriefingState, period: { from: string; to: string }) {
  const sort = { column: state.q ? ("relevance" as const) : ("published" as const), descending: true };
  const filters = candidateFilters(state, period);
  let found = await findReports(context.db, filters, sort, { page: state.page, size: CANDIDATES }, { agencyId: user.agencyId });
  const pages = Math.max(1, Math.ceil(found.total / CANDIDATES));
  // A page past the end (fewer results after a new search): the last page instead of an empty list.
  if (state.page > pages) found = await findReports(context.db, filters, sort, { page: pages, size: CANDIDATES }, { agencyId: user.agencyId });
  const candidates: BriefingCandidate[] = found.rows.map((r) => ({
    publicNumber: r.publicNumber, title: r.title, facts: facts(r), snippet: r.snippet.map((p) => p.text).join(""),
  }));
  const listed = new Set(candidates.map((c) => c.publicNumber));
  const chosen = await Promise.all(state.reports.filter((n) => !listed.has(n)).map((n) => getPublishedReport(context.db, n)));
  return {
    total: found.total,
    page: Math.min(state.page, pages),
    pages,
    pageSize: CANDIDATES,
    chosenElsewhere: chosen.filter((r) => r !== null).map((r) => ({ publicNumber: r.publicNumber, title: r.title, facts: facts(r), snippet: "" })),
    candidates,
  };
}

/** The builder page: the period, the chart preview and the reports to choose from (plus those chosen). */
export async function briefingBuilder(context: AppLoadContext, user: SessionUser, state: BriefingState) {
  const view = await agencyView(context, user, state);
  const { chart, model } = profileFigure(view);
  return {
    period: view.period,
    open: view.open,
    chart: chart ? { svg: chart.svg, title: model.title, height: chart.height } : null,
    ...(await briefingCandidates(context, user, state, view.period)),
  };
}

/** The PDF, streamed; each one is written to the audit log. */
export async function briefingDownload(context: AppLoadContext, user: SessionUser, state: BriefingState): Promise<Response> {
  const view = await agencyView(context, user, state);
  const reports = await Promise.all(state.reports.map((n) => getPublishedReport(context.db, n)));
  const missing = state.reports.filter((_, i) => reports[i] === null);
  if (missing.length > 0) {
    return new Response(`There is no published report ${missing.join(", ")}. Go back and choose again.`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const agency = await getOwnAgency(context.db, user);
  const audience = agency?.name ?? "Your agency";
  const { table, reasons, chart } = profileFigure(view);
  const meta: ExportMetadata = {
    title: `Training briefing: contributing factors and ${state.reports.length} ${state.reports.length === 1 ? "report" : "reports"}`,
    source: `Close Call — agency dashboard of ${audience}`,
    generatedAt: new Date(),
    filters: dashboardFilterList(view.state, view.period, "agency"),
    taxonomyVersion: TAXONOMY_VERSION,
    suppression: suppressionNotes(reasons, view.privacy),
    notes: ["Shares of voluntary near-miss reports, not rates of events: they show what officers chose to share."],
  };
  const chosen: BriefingReport[] = reports.map((r) => ({
    publicNumber: r!.publicNumber,
    title: r!.title,
    facts: facts(r!),
    summary: r!.summary,
    factors: r!.factorCodes.map((c) => labels.factor(c)),
    lessons: r!.lessons,
    questions: discussionQuestions(r!.lessons, r!.factorCodes),
  }));
  const pdf = briefingPdf({
    audience,
    periodLabel: formatPeriod(view.period),
    meta,
    chart,
    table,
    chartNote: view.open ? undefined : `${view.closedReason ?? "Too few reports"}: your agency's own figures are withheld for this period, so the national figures (and those of similar agencies, where the group is large enough) are shown.`,
    reports: chosen,
    footerNote: `Figures that depend on your agency are withheld below ${view.privacy.k} reports ("withheld"), never shown as 0. Reports are published and de-identified.`,
  });
  await appendAuditEntry(context.db, {
    actorUserId: user.id, action: "export.created", targetType: "export", targetId: "agency/briefing.pdf",
    detail: { page: "briefing", file: "briefing.pdf", reports: chosen.length, period: `${view.period.from}..${view.period.to}` },
  });
  return new Response(downloadBody(pdf, context), { headers: downloadHeaders("application/pdf", `${fileStem("briefing", "agency", view.period)}.pdf`) });
}
