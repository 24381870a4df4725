import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import { parseBriefingSearch } from "~/exports/briefing-schema";
import { briefingDownload } from "~/exports/briefing.server";

/**
 * The training briefing PDF for the signed-in trainer's or commander's own agency. A choice the builder
 * page must correct (bad filters, too many reports) goes back to it, where the problem is shown.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:own");
  const url = new URL(request.url);
  const parsed = parseBriefingSearch(url.searchParams);
  if (!parsed.ok || parsed.tooMany) throw redirect(`/agency/briefing${url.search}`);
  return briefingDownload(context, user, parsed.state);
}
