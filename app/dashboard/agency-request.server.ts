// Request → the agency page's state (one schema, agency-state.ts). A bad or retired parameter is the
// dashboard's 400 page, naming it and linking to the page without it; a download link gets the same
// message as plain text (it has no page to show it on).
import { data } from "@remix-run/node";
import { type AgencyState, parseAgencySearch } from "./agency-state";

export function agencyPageState(request: Request): AgencyState {
  const url = new URL(request.url);
  const parsed = parseAgencySearch(url.searchParams);
  if (parsed.ok) return parsed.state;
  throw data(
    {
      problems: parsed.problems,
      validHref: parsed.validSearch ? `${url.pathname}?${parsed.validSearch}` : url.pathname,
    },
    { status: 400 },
  );
}

function plain(text: string, status: number): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The state of a download link; its problems as a plain-text 400. */
export function agencyExportState(request: Request): AgencyState {
  const parsed = parseAgencySearch(new URL(request.url).searchParams, "this download");
  if (parsed.ok) return parsed.state;
  throw plain(
    `This download's choices are not valid, so no file was ` +
      `made:\n${parsed.problems.map((p) => `- ${p.message}`).join("\n")}`,
    400,
  );
}
