// The agency dashboard's one server entry point: the signed-in member's own agency (from the session,
// never the URL), its release book read as it was released, the free layer over the reports shared with
// it, and public lessons. Nothing agency-dependent is computed here (docs/design.md §6.1).
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getBookFactorYears } from "../../analytics/agency-book/get-book-factor-years";
import { getBookHeadline } from "../../analytics/agency-book/get-book-headline";
import { getBookLossMix } from "../../analytics/agency-book/get-book-loss-mix";
import { getBookMatrix } from "../../analytics/agency-book/get-book-matrix";
import { getBookProfile } from "../../analytics/agency-book/get-book-profile";
import { getBookTrends, topBookFactors } from "../../analytics/agency-book/get-book-trends";
import { getSharedFigures } from "../../analytics/agency-book/get-shared-figures";
import { referenceLabel } from "../../analytics/agency-book/reference";
import { monthIndex, monthLabel } from "../../domain/period";
import { type AgencyBook, readAgencyBook } from "../../analytics/release-book/read-book";
import { rollupVersion, SharedCache, sourceOf } from "../../analytics/source";
import { viewerFor } from "../../analytics/viewer";
import { getOwnAgency } from "~/auth/accounts.server";
import type { SessionUser } from "~/auth/session-user.server";
import { agencyReferences, type AgencyState, type ParamProblem } from "./agency-state";
import type { AgencyBookPending, AgencyBookView } from "./agency-view-types";
import { lessonsFor } from "./lessons.server";

/** The factors followed year by year: the agency's most cited over its released years. */
export const TREND_FACTORS = 5;
const MATRIX_FACTORS = 10;
const LESSON_FACTORS = 3;
/** Default window of the free layer: the latest 36 months of publication. */
const SHARED_MONTHS = 36;

/** A request the book cannot answer, with what can be asked instead (the route answers 400). */
export class BookChoiceError extends Error {
  constructor(readonly problems: ParamProblem[]) {
    super(problems.map((p) => p.message).join("; "));
    this.name = "BookChoiceError";
  }
}

export function agencyIdOf(user: SessionUser): string {
  const viewer = viewerFor(user);
  if (viewer.kind !== "agency")
    throw new Response("The agency dashboard is for members of a partner agency.", { status: 403 });
  return viewer.agencyId;
}

const list = (items: readonly string[]) => (items.length ? items.join(", ") : "none yet");

/** The period, incident type and reference of a request, checked against what the book holds. */
export function resolveChoice(book: AgencyBook, state: Pick<AgencyState, "period" | "type" | "vs">) {
  const problems: ParamProblem[] = [];
  const period = state.period ?? book.years[book.years.length - 1] ?? book.quarters[book.quarters.length - 1]!;
  if (state.period && !book.years.includes(state.period) && !book.quarters.includes(state.period)) {
    problems.push({
      param: "period",
      message:
        `“period” ${state.period} is not released: your agency's figures come from closed quarters of ` +
        `publication. Released years: ${list(book.years)}; quarters: ${list(book.quarters)}.`,
    });
  }
  const matrixYears = book.years.filter((y) => book.hasMatrix(y));
  if (state.type && problems.length === 0 && !book.hasMatrix(period)) {
    problems.push({
      param: "type",
      message:
        `“type” needs the incident type × factor table, which your agency's book holds by year, for years with ` +
        `enough reports: ${list(matrixYears)}.`,
    });
  }
  if (problems.length) throw new BookChoiceError(problems);
  return { period, matrixYears, reference: state.vs };
}

function sharedWindow(state: AgencyState, latestMonth: number) {
  const to = state.to ? monthIndex(state.to) : latestMonth;
  const from = state.from ? monthIndex(state.from) : to - SHARED_MONTHS + 1;
  return { from, to };
}

const views = new SharedCache<AgencyBookView | AgencyBookPending>(128);

/**
 * The agency page for these choices. Kept per agency, latest release, data version and choices: the
 * book changes only at a release, the free layer and lessons only with publications.
 */
export async function getAgencyBookView(
  context: AppLoadContext,
  user: SessionUser,
  state: AgencyState,
): Promise<AgencyBookView | AgencyBookPending> {
  const agencyId = agencyIdOf(user);
  const book = await readAgencyBook(context.analytics, agencyId);
  const version = await rollupVersion(sourceOf(context.analytics));
  const key = JSON.stringify([agencyId, book.asOf, version, state]);
  return views.get(context.analytics, key, () => computeView(context, user, agencyId, book, state));
}

async function latestPublicationMonth(context: AppLoadContext): Promise<number> {
  const row = await context.analytics
    .selectFrom("reports")
    .select((eb) => eb.fn.max("published_month").as("latest"))
    .executeTakeFirst();
  const latest = row?.latest ? String(row.latest) : new Date().toISOString().slice(0, 7);
  return monthIndex(latest);
}

async function computeView(
  context: AppLoadContext,
  user: SessionUser,
  agencyId: string,
  book: AgencyBook,
  state: AgencyState,
): Promise<AgencyBookView | AgencyBookPending> {
  const agency = await getOwnAgency(context.db, user);
  const agencyName = agency?.name ?? "Your agency";
  if (!book.asOf) return { agencyName, pending: true };
  const { period, matrixYears, reference } = resolveChoice(book, state);
  const top = topBookFactors(book, TREND_FACTORS);
  const followed = state.factor && !top.includes(state.factor) ? [...top, state.factor] : top;
  const latest = await latestPublicationMonth(context);
  const window = sharedWindow(state, latest);
  const peers = { sizeBand: book.asOf.sizeBand, region: book.asOf.region };
  const profile = getBookProfile(book, { period, incidentType: state.type, reference });
  const matrixYear = period.includes("Q") ? null : period;
  const [shared] = await Promise.all([
    getSharedFigures(context.analytics, agencyId, { ...window, incidentType: state.type, factor: state.factor }),
  ]);
  // Below the minimum the agency has no ranked factors: the lessons follow the nation's most cited ones.
  const nationTop = [...shared.factors].sort((a, b) => b.nation.count - a.nation.count).map((f) => f.factor);
  const lessonFactors = profile.flagged.length ? profile.flagged : top.length ? top : nationTop;
  const lessons = await lessonsFor(context.analytics, lessonFactors.slice(0, LESSON_FACTORS), {
    compare: "quarter",
    vs: "national",
    type: state.type,
  });
  const own = book.cell(period, "agency", "n");
  return {
    agencyName,
    asOf: { quarter: book.asOf.quarter, releasedOn: book.asOf.releasedOn },
    state,
    resolved: { period, reference, sharedFrom: shared.from, sharedTo: shared.to, sharedLatest: monthLabel(latest) },
    choices: {
      years: book.years,
      quarters: book.quarters,
      matrixYears,
      referenceLabels: Object.fromEntries(
        agencyReferences.map((r) => [r, referenceLabel(r, peers)]),
      ) as AgencyBookView["choices"]["referenceLabels"],
    },
    privacy: { k: context.config.privacyK, agencyMinReports: context.config.agencyMinReports },
    open: typeof own === "number",
    headline: getBookHeadline(book, period),
    profile: { ...profile, referenceLabel: referenceLabel(reference, peers) },
    trends: getBookTrends(book, { factors: followed, reference }),
    factorYears: getBookFactorYears(book),
    heatmap: matrixYear
      ? getBookMatrix(book, { year: matrixYear, factors: topBookFactors(book, MATRIX_FACTORS) })
      : null,
    lossMix: getBookLossMix(book, { period, reference }),
    shared,
    lessons,
  };
}

/** Runs the view; a choice the book cannot answer becomes the dashboard's 400 page. */
export async function answeringBook<T>(request: Request, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof BookChoiceError) {
      const url = new URL(request.url);
      const bad = new Set(error.problems.map((p) => p.param));
      const valid = new URLSearchParams([...url.searchParams].filter(([k]) => !bad.has(k))).toString();
      throw data(
        { problems: error.problems, validHref: valid ? `${url.pathname}?${valid}` : url.pathname },
        { status: 400 },
      );
    }
    throw error;
  }
}
