// Request → what an export route needs, with expected failures as plain-text responses (a download
// link has no page to show an error on): bad filters are a 400 that names them, a refused viewer a 403.
import type { AppLoadContext } from "@remix-run/node";
import { FilterError } from "../../analytics/filters";
import { AnalyticsAccessError } from "../../analytics/viewer";
import { getOwnAgency } from "~/auth/accounts.server";
import type { SessionUser } from "~/auth/session-user.server";
import { type DashboardState, parseDashboardSearch } from "~/dashboard/filter-schema";
import { BookChoiceError, getAgencyBookView } from "~/dashboard/agency-book.server";
import type { AgencyState } from "~/dashboard/agency-state";
import type { AgencyBookView } from "~/dashboard/agency-view-types";
import type { Exporter } from "./dashboard-export.server";

function plain(text: string, status: number): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The dashboard filters of the download link (the page's own URL parameters). */
export function exportState(request: Request): DashboardState {
  const parsed = parseDashboardSearch(new URL(request.url).searchParams);
  if (parsed.ok) return parsed.state;
  throw plain(
    `This download's filters are not valid, so no file was ` +
      `made:\n${parsed.problems.map((p) => `- ${p.message}`).join("\n")}`,
    400,
  );
}

/** Runs the page's query; its expected refusals become plain-text responses. */
export async function exportView<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof FilterError) {
      throw plain(
        `This download's filters are not valid, so no file was made:\n${Object.values(error.fieldErrors)
          .flat()
          .map((m) => `- ${m}`)
          .join("\n")}`,
        400,
      );
    }
    if (error instanceof AnalyticsAccessError) throw plain("Your account cannot see these figures.", 403);
    throw error;
  }
}

/** An agency member exporting: their agency's name (from the session) goes on the file. */
export async function agencyExporter(context: AppLoadContext, user: SessionUser): Promise<Exporter> {
  const agency = await getOwnAgency(context.db, user);
  return { userId: user.id, agencyName: agency?.name };
}

/**
 * The agency page's release-book view for a download: a choice the book cannot answer is a plain 400
 * that says what can be asked; before the first release there is nothing to download (404).
 */
export async function agencyExportView(
  context: AppLoadContext,
  user: SessionUser,
  state: AgencyState,
): Promise<AgencyBookView> {
  let view;
  try {
    view = await getAgencyBookView(context, user, state);
  } catch (error) {
    if (error instanceof BookChoiceError)
      throw plain(
        `This download's choices are not in your agency's book, so no file was ` +
          `made:\n${error.problems.map((p) => `- ${p.message}`).join("\n")}`,
        400,
      );
    throw error;
  }
  if ("pending" in view)
    throw plain("Your agency's first release is being prepared: there is nothing to download yet.", 404);
  return view;
}
