// Request → dashboard state for the loaders, with the expected failures as thrown responses: a bad
// parameter is a 400 that names it (and links to the page without it); a viewer the analytics refuses
// is a 403.
import { data } from "@remix-run/node";
import { FilterError } from "../../analytics/filters";
import { AnalyticsAccessError } from "../../analytics/viewer";
import { type DashboardState, parseDashboardSearch } from "./filter-schema";

export interface FilterProblems {
  problems: { param: string; message: string }[];
  validHref: string;
}

export function dashboardState(request: Request): DashboardState {
  const url = new URL(request.url);
  const parsed = parseDashboardSearch(url.searchParams);
  if (parsed.ok) return parsed.state;
  throw data<FilterProblems>(
    {
      problems: parsed.problems,
      validHref: parsed.validSearch ? `${url.pathname}?${parsed.validSearch}` : url.pathname,
    },
    { status: 400 },
  );
}

/** Runs the analytics call; its expected refusals become responses. */
export async function answering<T>(request: Request, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof FilterError) {
      const problems = Object.entries(error.fieldErrors).map(([param, messages]) => ({
        param,
        message: messages.join("; "),
      }));
      throw data<FilterProblems>({ problems, validHref: new URL(request.url).pathname }, { status: 400 });
    }
    if (error instanceof AnalyticsAccessError)
      throw new Response("Your account cannot see these figures.", { status: 403 });
    throw error;
  }
}
