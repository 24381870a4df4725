// Request → what an export route needs, with expected failures as plain-text responses (a download
// link has no page to show an error on): bad filters are a 400 that names them, a refused viewer a 403.
import type { AppLoadContext } from "@remix-run/node";
import { FilterError } from "../../analytics/filters";
import { AnalyticsAccessError } from "../../analytics/viewer";
import { getOwnAgency } from "~/auth/accounts.server";
import type { SessionUser } from "~/auth/session-user.server";
import { type DashboardState, parseDashboardSearch } from "~/dashboard/filter-schema";
import type { Exporter } from "./dashboard-export.server";

function plain(text: string, status: number): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The dashboard filters of the download link (the page's own URL parameters). */
export function exportState(request: Request): DashboardState {
  const parsed = parseDashboardSearch(new URL(request.url).searchParams);
  if (parsed.ok) return parsed.state;
  throw plain(`This download's filters are not valid, so no file was made:\n${parsed.problems.map((p) => `- ${p.message}`).join("\n")}`, 400);
}

/** Runs the page's query; its expected refusals become plain-text responses. */
export async function exportView<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof FilterError) {
      throw plain(`This download's filters are not valid, so no file was made:\n${Object.values(error.fieldErrors).flat().map((m) => `- ${m}`).join("\n")}`, 400);
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
