import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildAtomFeed } from "~/library/atom-feed.server";
import { getRecentReports, requireLibraryReader } from "~/library/library.server";

// Resource route: the newest 50 published reports as Atom 1.0.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireLibraryReader(request, context);
  const reports = await getRecentReports(context.analytics, 50);
  return new Response(buildAtomFeed(reports, context.config.publicUrl), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": context.config.libraryAccess === "members" ? "private, no-store" : "public, max-age=900",
    },
  });
}
