// The agency data API's endpoints. Each one is the dashboard's own measure for the token's agency (the
// viewer comes from the token, never from a parameter), with the dashboard's filters and therefore the
// same suppression: withheld figures arrive as { suppressed, reason, label }, never as numbers.
import type { AppLoadContext } from "@remix-run/node";
import { suppressionNotes } from "../../analytics/exports/export-metadata";
import { readPublishedRows, rankedDocuments } from "../../analytics/exports/library-export";
import { FilterError } from "../../analytics/filters";
import { getFactorProfile } from "../../analytics/get-factor-profile";
import { getTrends } from "../../analytics/get-trends";
import type { MeasureMeta } from "../../analytics/measure-meta";
import { isSuppressed, type SuppressionReason } from "../../analytics/privacy/figures";
import { sourceOf } from "../../analytics/source";
import type { ApiCaller } from "../../db/exports/api-tokens";
import { factorsOfMask } from "../../db/library/factor-bits";
import { emptyFilters, type LibraryFilters } from "../../db/library/library-query";
import { labels, TAXONOMY_VERSION } from "../../db/taxonomy/index";
import { appendAuditEntry } from "~/auth/audit.server";
import { analyticsFilters, privacyRules } from "~/dashboard/analytics-input.server";
import { type DashboardState, parseDashboardSearch } from "~/dashboard/filter-schema";
import { ApiError, apiJson, withWithheldLabels } from "./api-response.server";

export type Endpoint = "profile" | "trends" | "reports";

export const MAX_PAGE_SIZE = 100;

export interface ApiQuery {
  state: DashboardState;
  page: { page: number; size: number };
}

/** The dashboard's filters (one schema), plus page and size for reports; anything else is a 400. */
export function parseApiQuery(request: Request, endpoint: Endpoint): ApiQuery {
  const params = new URLSearchParams(new URL(request.url).searchParams);
  const details: { param: string; message: string }[] = [];
  const whole = (name: string, fallback: number, max: number) => {
    const raw = params.get(name);
    params.delete(name);
    if (raw === null || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) details.push({ param: name, message: `“${name}” must be a whole number from 1 to ${max}` });
    return n;
  };
  const page = endpoint === "reports" ? { page: whole("page", 1, 100_000), size: whole("size", 25, MAX_PAGE_SIZE) } : { page: 1, size: 25 };
  if (params.has("funnel")) details.push({ param: "funnel", message: "“funnel” is not a filter of this endpoint" });
  params.delete("funnel");
  const parsed = parseDashboardSearch(params);
  if (!parsed.ok) details.push(...parsed.problems.map((p) => ({ ...p, message: p.message.replace("of this page", "of this endpoint") })));
  if (details.length > 0 || !parsed.ok) {
    throw new ApiError(400, "invalid_filters", `Some parameters are not valid: ${details.map((d) => d.message).join("; ")}.`, details);
  }
  return { state: parsed.state, page };
}

function reasonsIn(value: unknown, found = new Set<SuppressionReason>()): Set<SuppressionReason> {
  if (isSuppressed(value)) found.add(value.reason);
  else if (Array.isArray(value)) for (const v of value) reasonsIn(v, found);
  else if (value && typeof value === "object") for (const v of Object.values(value)) reasonsIn(v, found);
  return found;
}

function meta(context: AppLoadContext, endpoint: Endpoint, state: DashboardState, extra: Record<string, unknown>, data: unknown) {
  const privacy = privacyRules(context);
  return {
    endpoint: `/api/v1/${endpoint}`,
    generatedAt: new Date().toISOString(),
    taxonomyVersion: TAXONOMY_VERSION,
    filters: state,
    ...extra,
    privacy: { k: privacy.k, agencyMinReports: privacy.agencyMinReports, notes: suppressionNotes(reasonsIn(data), endpoint === "reports" ? null : privacy) },
  };
}

function measureMetaOf(m: MeasureMeta) {
  return { period: m.window, subject: m.subject.label, reference: m.reference?.label ?? null, agencyFiguresOpen: m.gates.agency.open, note: m.description };
}

async function audit(context: AppLoadContext, caller: ApiCaller, endpoint: Endpoint) {
  await appendAuditEntry(context.db, {
    actorUserId: caller.createdBy, action: "export.created", targetType: "api_token", targetId: caller.tokenId, detail: { via: "api", endpoint },
  });
}

async function measured<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof FilterError) {
      const details = Object.entries(error.fieldErrors).map(([param, messages]) => ({ param, message: messages.join("; ") }));
      throw new ApiError(400, "invalid_filters", `Some parameters are not valid: ${details.map((d) => `${d.param}: ${d.message}`).join("; ")}.`, details);
    }
    throw error;
  }
}

/** The agency's factor profile against the chosen reference (`vs`), as the dashboard computes it. */
export async function profileEndpoint(context: AppLoadContext, caller: ApiCaller, query: ApiQuery): Promise<Response> {
  const viewer = { kind: "agency" as const, agencyId: caller.agencyId };
  const result = await measured(() => getFactorProfile(sourceOf(context.db), analyticsFilters(query.state, "agency"), viewer, privacyRules(context)));
  const data = withWithheldLabels({
    subjectReports: result.subjectReports,
    referenceReports: result.referenceReports,
    rows: result.rows,
    flagged: result.flagged,
  });
  await audit(context, caller, "profile");
  return apiJson({ data, meta: meta(context, "profile", query.state, measureMetaOf(result.meta), data) });
}

/** Monthly and quarterly series of the agency and its reference line, with alerts and trend tests. */
export async function trendsEndpoint(context: AppLoadContext, caller: ApiCaller, query: ApiQuery): Promise<Response> {
  const viewer = { kind: "agency" as const, agencyId: caller.agencyId };
  const result = await measured(() => getTrends(sourceOf(context.db), analyticsFilters(query.state, "agency"), viewer, privacyRules(context)));
  const data = withWithheldLabels({ months: result.months, quarters: result.quarters, series: result.series });
  await audit(context, caller, "trends");
  return apiJson({ data, meta: meta(context, "trends", query.state, measureMetaOf(result.meta), data) });
}

/**
 * The de-identified reports whose officers chose to share them with this agency's team (published
 * fields only), newest first, a page at a time. No period given: all of them.
 */
export async function reportsEndpoint(context: AppLoadContext, caller: ApiCaller, query: ApiQuery): Promise<Response> {
  const { state, page } = query;
  const one = (code: string | undefined) => (code ? [code] : []);
  const filters: LibraryFilters = {
    ...emptyFilters, incidentTypes: one(state.type), factors: one(state.factor), lossPotentials: one(state.loss), regions: one(state.region),
    from: state.from ?? null, to: state.to ?? null, sharedWithMyAgency: true,
  };
  const ids = await rankedDocuments(context.db, filters, { column: "published", descending: true }, { agencyId: caller.agencyId });
  const slice = Array.from(ids.subarray((page.page - 1) * page.size, page.page * page.size));
  const rows = await readPublishedRows(context.db, slice, { narratives: true });
  const reports = slice.flatMap((id) => {
    const r = rows.get(id);
    if (!r) return [];
    return [{
      publicNumber: r.public_number, url: `/reports/${r.public_number}`, title: r.title,
      incidentType: { code: r.incident_type, label: labels.incidentType(r.incident_type) },
      factors: factorsOfMask(r.factor_mask).map((code) => ({ code, label: labels.factor(code) })),
      lossPotential: { code: r.loss_potential, label: labels.lossPotential(r.loss_potential) },
      eventMonth: r.event_month.slice(0, 7), publishedMonth: r.published_month.slice(0, 7),
      censusRegion: r.census_region, timeBlock: r.time_block, light: r.light, weather: r.weather, officersOnScene: r.officers_band,
      assignment: r.assignment, yearsOfService: r.service_band, taxonomyVersion: r.taxonomy_version,
      eventSummary: r.summary ?? "", lessonsLearned: r.lessons ?? "",
    }];
  });
  await audit(context, caller, "reports");
  const pages = Math.max(1, Math.ceil(ids.length / page.size));
  return apiJson({
    data: reports,
    meta: meta(context, "reports", state, { page: page.page, size: page.size, total: ids.length, pages, note: "Published, de-identified reports shared with your agency by the officers who wrote them." }, []),
  });
}
