import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseLibrarySearch } from "~/library/filter-schema";
import { requireLibraryReader } from "~/library/library.server";
import { libraryDownload, parseLibraryFile } from "~/exports/library-export.server";

/**
 * The library's current results (the page's URL filters, search and sort) as CSV or XLSX, published
 * fields only, streamed. Whoever may read the library may download it; the agency scope comes from the session.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, viewer } = await requireLibraryReader(request, context);
  const file = parseLibraryFile(params.file);
  const parsed = parseLibrarySearch(new URL(request.url).searchParams);
  if (!parsed.ok) {
    const text =
      `This download's filters are not valid, so no file was ` +
      `made:\n${parsed.problems.map((p) => `- ${p.message}`).join("\n")}`;
    throw new Response(text, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { filters, sort } = parsed.state;
  const notes: string[] = [];
  if (filters.sharedWithMyAgency && viewer.agencyId === null) {
    notes.push("“Shared with my agency” needs an agency account; all reports are listed.");
    filters.sharedWithMyAgency = false;
  }
  return libraryDownload(context, { userId: user?.id ?? null, viewer }, { filters, sort }, file, notes);
}
