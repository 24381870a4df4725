// The agency data API's endpoints. The agency comes from the token, never from a parameter. Figures of
// the reports counted toward the agency are read from its release book — the same cells as the
// dashboard's for the same choice; the free layer (reports shared with the agency) takes any months.
import type { AppLoadContext } from "@remix-run/node";
import { suppressionNotes } from "../../exports/export-metadata";
import { readPublishedRows, rankedDocuments } from "../../db/library/library-export";
import { isSuppressed, type SuppressionReason } from "../../domain/figures";
import { cellCount, cellKey, populations } from "../../analytics/release-book/book-layout";
import { readAgencyBook } from "../../analytics/release-book/read-book";
import type { ApiCaller } from "../../db/api/api-tokens";
import { factorsOfMask } from "../../db/library/factor-bits";
import { emptyFilters, type LibraryFilters } from "../../domain/library-query";
import { labels, TAXONOMY_VERSION } from "../../domain/taxonomy/index";
import { appendAuditEntry } from "~/auth/audit.server";
import { BookChoiceError, getAgencyBookView } from "~/dashboard/agency-book.server";
import { type AgencyState, parseAgencySearch } from "~/dashboard/agency-state";
import type { AgencyBookView } from "~/dashboard/agency-view-types";
import { ApiError, apiJson, withWithheldLabels } from "./api-response.server";

export type Endpoint = "book" | "profile" | "trends" | "shared" | "reports";

export const MAX_PAGE_SIZE = 100;

export interface ApiQuery {
  state: AgencyState;
  page: { page: number; size: number };
}

/** Which of the agency page's parameters each endpoint takes; anything else is a 400 that says so. */
const accepted: Record<Endpoint, readonly string[]> = {
  book: [],
  profile: ["period", "type", "vs"],
  trends: ["factor", "vs"],
  shared: ["from", "to", "type", "factor"],
  reports: ["type", "factor", "from", "to"],
};

const guidance: Record<string, string> = {
  from:
    "figures counted toward your agency come from fixed periods of its release book: ask " +
    "/api/v1/profile?period=2025 (a year) or period=2025-Q3 (a quarter); any months of publication are for the " +
    "reports shared with your agency, /api/v1/shared?from=…&to=…",
  to: "as for “from”",
  period: "periods belong to /api/v1/profile (the book's years and quarters are listed by /api/v1/book)",
};

/** The page's parameters (one schema), limited to the endpoint's, plus page and size for reports. */
export function parseApiQuery(request: Request, endpoint: Endpoint): ApiQuery {
  const params = new URLSearchParams(new URL(request.url).searchParams);
  const details: { param: string; message: string }[] = [];
  const whole = (name: string, fallback: number, max: number) => {
    const raw = params.get(name);
    params.delete(name);
    if (raw === null || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max)
      details.push({ param: name, message: `“${name}” must be a whole number from 1 to ${max}` });
    return n;
  };
  const page =
    endpoint === "reports"
      ? { page: whole("page", 1, 100_000), size: whole("size", 25, MAX_PAGE_SIZE) }
      : { page: 1, size: 25 };
  for (const name of [...new Set(params.keys())]) {
    if (accepted[endpoint].includes(name) || !["period", "type", "factor", "vs", "from", "to"].includes(name)) continue;
    details.push({
      param: name,
      message: `“${name}” is not a parameter of /api/v1/${endpoint}${guidance[name] ? `: ${guidance[name]}` : ""}`,
    });
    params.delete(name);
  }
  const parsed = parseAgencySearch(params, "this endpoint");
  if (!parsed.ok) details.push(...parsed.problems);
  if (details.length > 0 || !parsed.ok) {
    throw new ApiError(
      400,
      "invalid_filters",
      `Some parameters are not valid: ${details.map((d) => d.message).join("; ")}.`,
      details,
    );
  }
  return { state: parsed.state, page };
}

function reasonsIn(value: unknown, found = new Set<SuppressionReason>()): Set<SuppressionReason> {
  if (isSuppressed(value)) found.add(value.reason);
  else if (Array.isArray(value)) for (const v of value) reasonsIn(v, found);
  else if (value && typeof value === "object") for (const v of Object.values(value)) reasonsIn(v, found);
  return found;
}

function meta(
  context: AppLoadContext,
  endpoint: Endpoint,
  state: AgencyState,
  extra: Record<string, unknown>,
  data: unknown,
  layer: "book" | "shared" | "library",
) {
  const privacy = { k: context.config.privacyK, agencyMinReports: context.config.agencyMinReports };
  const notes =
    layer === "book"
      ? suppressionNotes(reasonsIn(data), privacy)
      : [
          "Reports officers chose to share with your agency's team, which its members can read in the library: no " +
            "figure here is withheld, as none discloses anything a member cannot already read.",
        ];
  return {
    endpoint: `/api/v1/${endpoint}`,
    generatedAt: new Date().toISOString(),
    taxonomyVersion: TAXONOMY_VERSION,
    filters: state,
    layer:
      layer === "book" ? "all reports counted toward your agency (release book)" : "reports shared with your agency",
    ...extra,
    privacy: { ...privacy, notes },
  };
}

async function audit(context: AppLoadContext, caller: ApiCaller, endpoint: Endpoint) {
  await appendAuditEntry(context.db, {
    actorUserId: caller.createdBy,
    action: "export.created",
    targetType: "api_token",
    targetId: caller.tokenId,
    detail: { via: "api", endpoint },
  });
}

/** The dashboard's own view for the token's agency: the same cells as the page for the same choice. */
async function bookView(context: AppLoadContext, caller: ApiCaller, state: AgencyState): Promise<AgencyBookView> {
  const user = { id: caller.createdBy, role: "agency_analyst", agencyId: caller.agencyId } as Parameters<
    typeof getAgencyBookView
  >[1];
  try {
    const view = await getAgencyBookView(context, user, state);
    if ("pending" in view)
      throw new ApiError(
        409,
        "not_released",
        "Your agency's release book has no released quarter yet: figures appear after the first closed quarter is " +
          "released.",
      );
    return view;
  } catch (error) {
    if (error instanceof BookChoiceError) {
      throw new ApiError(
        400,
        "invalid_filters",
        `Some parameters are not valid: ${error.problems.map((p) => p.message).join("; ")}`,
        error.problems,
      );
    }
    throw error;
  }
}

/** Every released cell of the agency's book: periods, populations and cells by name. */
export async function bookEndpoint(context: AppLoadContext, caller: ApiCaller, query: ApiQuery): Promise<Response> {
  const book = await readAgencyBook(context.analytics, caller.agencyId);
  const periods = [...book.years, ...book.quarters];
  const tables = periods.flatMap((period) =>
    populations
      .map((population) => {
        const cells: Record<string, unknown> = {};
        const length = cellCount(population === "rest" ? "agency" : population, period, book.hasMatrix(period));
        for (let i = 0; i < length; i++) {
          const value = book.cell(period, population, cellKey(i));
          if (value !== null) cells[cellKey(i)] = value;
        }
        return Object.keys(cells).length ? { period, population, cells } : null;
      })
      .filter((t) => t !== null),
  );
  const data = withWithheldLabels({
    years: book.years,
    quarters: book.quarters,
    asOf: book.asOf && { quarter: book.asOf.quarter, releasedOn: book.asOf.releasedOn },
    tables,
  });
  await audit(context, caller, "book");
  return apiJson({
    data,
    meta: meta(
      context,
      "book",
      query.state,
      {
        note:
          "Cells: n (total), i:<incident type>, f:<factor>, l:<loss potential>, if:<type>:<factor>. " +
          "Populations: agency (reports counted toward your agency), rest (the nation without them), peer_size " +
          "and peer_region (other agencies, by year).",
      },
      data,
      "book",
    ),
  });
}

/** The agency's factor profile for one period of its book against the chosen reference (`vs`). */
export async function profileEndpoint(context: AppLoadContext, caller: ApiCaller, query: ApiQuery): Promise<Response> {
  const view = await bookView(context, caller, query.state);
  const data = withWithheldLabels({ ...view.profile, referenceLabel: view.profile.referenceLabel });
  await audit(context, caller, "profile");
  return apiJson({ data, meta: meta(context, "profile", query.state, { asOf: view.asOf }, data, "book") });
}

/** Year-by-year shares of the agency's most cited factors (and the chosen one), yearly and quarterly totals. */
export async function trendsEndpoint(context: AppLoadContext, caller: ApiCaller, query: ApiQuery): Promise<Response> {
  const view = await bookView(context, caller, query.state);
  const data = withWithheldLabels({ ...view.trends, referenceLabel: view.profile.referenceLabel });
  await audit(context, caller, "trends");
  return apiJson({ data, meta: meta(context, "trends", query.state, { asOf: view.asOf }, data, "book") });
}

/** The free layer: the reports shared with the agency and the nation without them, any months. */
export async function sharedEndpoint(context: AppLoadContext, caller: ApiCaller, query: ApiQuery): Promise<Response> {
  const view = await bookView(context, caller, query.state);
  const data = view.shared;
  await audit(context, caller, "shared");
  return apiJson({ data, meta: meta(context, "shared", query.state, {}, data, "shared") });
}

/**
 * The de-identified reports whose officers chose to share them with this agency's team (published
 * fields only), newest first, a page at a time. No period given: all of them.
 */
export async function reportsEndpoint(context: AppLoadContext, caller: ApiCaller, query: ApiQuery): Promise<Response> {
  const { state, page } = query;
  const one = (code: string | undefined) => (code ? [code] : []);
  const filters: LibraryFilters = {
    ...emptyFilters,
    incidentTypes: one(state.type),
    factors: one(state.factor),
    from: state.from ?? null,
    to: state.to ?? null,
    sharedWithMyAgency: true,
  };
  const ids = await rankedDocuments(
    context.analytics,
    filters,
    { column: "published", descending: true },
    { agencyId: caller.agencyId },
  );
  const slice = Array.from(ids.subarray((page.page - 1) * page.size, page.page * page.size));
  const rows = await readPublishedRows(context.analytics, slice, { narratives: true });
  const reports = slice.flatMap((id) => {
    const r = rows.get(id);
    if (!r) return [];
    return [
      {
        publicNumber: r.public_number,
        url: `/reports/${r.public_number}`,
        title: r.title,
        incidentType: { code: r.incident_type, label: labels.incidentType(r.incident_type) },
        factors: factorsOfMask(r.factor_mask).map((code) => ({ code, label: labels.factor(code) })),
        lossPotential: { code: r.loss_potential, label: labels.lossPotential(r.loss_potential) },
        eventMonth: r.event_month.slice(0, 7),
        publishedMonth: r.published_month.slice(0, 7),
        censusRegion: r.census_region,
        timeBlock: r.time_block,
        light: r.light,
        weather: r.weather,
        officersOnScene: r.officers_band,
        assignment: r.assignment,
        yearsOfService: r.service_band,
        taxonomyVersion: r.taxonomy_version,
        eventSummary: r.summary ?? "",
        lessonsLearned: r.lessons ?? "",
      },
    ];
  });
  await audit(context, caller, "reports");
  const pages = Math.max(1, Math.ceil(ids.length / page.size));
  return apiJson({
    data: reports,
    meta: meta(
      context,
      "reports",
      state,
      {
        page: page.page,
        size: page.size,
        total: ids.length,
        pages,
        note: "Published, de-identified reports shared with your agency by the officers who wrote them.",
      },
      [],
      "library",
    ),
  });
}
