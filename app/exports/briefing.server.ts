// The training briefing: the agency page's factor profile (its release-book view for the same choices:
// the same cells, the same chart option and table columns) — the top factors in the body, the full table
// in an appendix — and up to eight published reports chosen by the trainer, with discussion questions
// from their lessons. The builder page lists reports to choose from; the PDF route makes the file.
import type { AppLoadContext } from "@remix-run/node";
import { type BriefingReport, briefingPdf } from "../../exports/briefing-pdf";
import { discussionQuestions } from "../../exports/discussion-questions";
import { type ExportMetadata, suppressionNotes } from "../../exports/export-metadata";
import { findReports } from "../../db/library/explore-reports";
import { emptyFilters, type LibraryFilters } from "../../domain/library-query";
import { getPublishedReport } from "../../db/library/report-page";
import { labels, TAXONOMY_VERSION } from "../../domain/taxonomy/index";
import { getOwnAgency } from "~/auth/accounts.server";
import { appendAuditEntry } from "~/auth/audit.server";
import type { SessionUser } from "~/auth/session-user.server";
import { renderChartSvg } from "~/charts/render-svg";
import { answeringBook, getAgencyBookView } from "~/dashboard/agency-book.server";
import type { AgencyBookView } from "~/dashboard/agency-view-types";
import { bookProfilePanel } from "~/dashboard/book/models/profile";
import { asOfText, bookFilterList, bookPeriodText, choiceLine, choiceStem, layerWords } from "~/dashboard/book/words";
import { formatMonth } from "~/library/report-bits";
import type { BriefingState } from "./briefing-schema";
import { downloadBody } from "./download-body.server";
import { toExportTable } from "./dashboard-tables";
import { downloadHeaders, fileStem } from "./export-files";
import { agencyExportView } from "./export-request.server";

const CANDIDATES = 20;
const CHART_WIDTH = 720;
/** Factors in the briefing's body; the appendix has them all. */
export const BRIEFING_TOP_FACTORS = 8;

export interface BriefingCandidate {
  publicNumber: string;
  title: string;
  facts: string;
  snippet: string;
}

function facts(r: { incidentType: string; eventMonth: string; lossPotential: string; censusRegion: string }): string {
  return (
    `${labels.incidentType(r.incidentType)} · ${formatMonth(r.eventMonth)} · could have ` +
    `been: ${labels.lossPotential(r.lossPotential).toLowerCase()} · ${labels.censusRegion(r.censusRegion)}`
  );
}

function candidateFilters(state: BriefingState): LibraryFilters {
  const one = (code: string | undefined) => (code ? [code] : []);
  const d = state.dashboard;
  return {
    ...emptyFilters,
    q: state.q,
    incidentTypes: one(d.type),
    factors: one(d.factor),
    sharedWithMyAgency: state.mine,
  };
}

/** The page's profile panel: its chart, its first rows for the body and the whole table for the appendix. */
function profileFigure(view: AgencyBookView) {
  const model = bookProfilePanel(view);
  const whole = model.tables[0]!;
  const { table: appendix, reasons } = toExportTable(whole);
  const { table } = toExportTable({ ...whole, rows: whole.rows.slice(0, BRIEFING_TOP_FACTORS) });
  const chart =
    model.chart && !model.allWithheld
      ? {
          svg: renderChartSvg(
            { ...model.chart.option, backgroundColor: "#ffffff" },
            CHART_WIDTH,
            model.chart.height,
            "briefing",
          ),
          width: CHART_WIDTH,
          height: model.chart.height,
          title: model.title,
          units: model.units,
        }
      : null;
  return {
    model,
    reasons,
    chart,
    table: { ...table, title: `${model.title}: the ${Math.min(BRIEFING_TOP_FACTORS, whole.rows.length)} first rows` },
    appendix:
      whole.rows.length > BRIEFING_TOP_FACTORS ? { ...appendix, title: `${model.title}: every factor` } : undefined,
  };
}

/**
 * One page of the reports to choose from (the trainer's words and filters, newest or best first), and
 * the chosen reports that are not on it, so a choice survives searching and paging.
 */
async function briefingCandidates(context: AppLoadContext, user: SessionUser, state: BriefingState) {
  const sort = { column: state.q ? ("relevance" as const) : ("published" as const), descending: true };
  const filters = candidateFilters(state);
  let found = await findReports(
    context.analytics,
    filters,
    sort,
    { page: state.page, size: CANDIDATES },
    { agencyId: user.agencyId },
  );
  const pages = Math.max(1, Math.ceil(found.total / CANDIDATES));
  // A page past the end (fewer results after a new search): the last page instead of an empty list.
  if (state.page > pages)
    found = await findReports(
      context.analytics,
      filters,
      sort,
      { page: pages, size: CANDIDATES },
      { agencyId: user.agencyId },
    );
  const candidates: BriefingCandidate[] = found.rows.map((r) => ({
    publicNumber: r.publicNumber,
    title: r.title,
    facts: facts(r),
    snippet: r.snippet.map((p) => p.text).join(""),
  }));
  const listed = new Set(candidates.map((c) => c.publicNumber));
  const chosen = await Promise.all(
    state.reports.filter((n) => !listed.has(n)).map((n) => getPublishedReport(context.analytics, n)),
  );
  return {
    total: found.total,
    page: Math.min(state.page, pages),
    pages,
    pageSize: CANDIDATES,
    chosenElsewhere: chosen
      .filter((r) => r !== null)
      .map((r) => ({ publicNumber: r.publicNumber, title: r.title, facts: facts(r), snippet: "" })),
    candidates,
  };
}

/** The builder page: the book's choices, the chart preview and the reports to choose from (plus those chosen). */
export async function briefingBuilder(
  request: Request,
  context: AppLoadContext,
  user: SessionUser,
  state: BriefingState,
) {
  const view = await answeringBook(request, () => getAgencyBookView(context, user, state.dashboard));
  // Before the first release the page says so (the figures come from the book; there is nothing to brief yet).
  if ("pending" in view) return { pending: true as const, agencyName: view.agencyName };
  const { chart, model } = profileFigure(view);
  return {
    pending: false as const,
    choices: view.choices,
    resolved: view.resolved,
    choiceLine: choiceLine(view),
    open: view.open,
    chart: chart ? { svg: chart.svg, title: model.title, height: chart.height } : null,
    withheldNote: model.allWithheld ?? null,
    ...(await briefingCandidates(context, user, state)),
  };
}

/** The PDF, streamed; each one is written to the audit log. */
export async function briefingDownload(
  context: AppLoadContext,
  user: SessionUser,
  state: BriefingState,
): Promise<Response> {
  const view = await agencyExportView(context, user, state.dashboard);
  const reports = await Promise.all(state.reports.map((n) => getPublishedReport(context.analytics, n)));
  const missing = state.reports.filter((_, i) => reports[i] === null);
  if (missing.length > 0) {
    return new Response(`There is no published report ${missing.join(", ")}. Go back and choose again.`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const agency = await getOwnAgency(context.db, user);
  const audience = agency?.name ?? "Your agency";
  const { table, appendix, reasons, chart } = profileFigure(view);
  const meta: ExportMetadata = {
    title:
      `Training briefing: contributing factors ` +
      `and ${state.reports.length} ${state.reports.length === 1 ? "report" : "reports"}`,
    source: `Close Call — agency dashboard of ${audience}`,
    generatedAt: new Date(),
    filters: bookFilterList(view),
    taxonomyVersion: TAXONOMY_VERSION,
    suppression: suppressionNotes(reasons, view.privacy),
    notes: [
      "Shares of voluntary near-miss reports, not rates of events: they show what officers chose to share.",
      `Figures from: ${layerWords.book}.`,
      asOfText(view.asOf),
    ],
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
    periodLabel: choiceLine(view),
    meta,
    chart,
    table,
    appendix,
    chartNote: view.open
      ? undefined
      : `Too few reports in ${bookPeriodText(view.resolved.period)}: your agency's own figures are withheld for ` +
        `this period, so only ${view.profile.referenceLabel.toLowerCase()} is shown where released.`,
    reports: chosen,
    footerNote:
      `Figures that depend on your agency are withheld below ${view.privacy.k} reports ("withheld"), never ` +
      `shown as 0. Reports are published and de-identified.`,
  });
  await appendAuditEntry(context.db, {
    actorUserId: user.id,
    action: "export.created",
    targetType: "export",
    targetId: "agency/briefing.pdf",
    detail: { page: "briefing", file: "briefing.pdf", reports: chosen.length, period: view.resolved.period },
  });
  return new Response(downloadBody(pdf, context), {
    headers: downloadHeaders("application/pdf", `${fileStem("briefing", "agency")}-${choiceStem(view)}.pdf`),
  });
}
