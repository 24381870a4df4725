import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "~/api/api-auth.server";
import { trendsEndpoint, parseApiQuery } from "~/api/api-endpoints.server";
import { answerApi, ApiError } from "~/api/api-response.server";

/** GET /api/v1/trends (agency data API, bearer token; see the README "Exports and API"). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answerApi(async () => {
    const caller = await requireApiCaller(request, context);
    return trendsEndpoint(context, caller, parseApiQuery(request, "trends"));
  });
}

/** The API is read-only. */
export async function action({ request, context }: ActionFunctionArgs) {
  return answerApi(async () => {
    await requireApiCaller(request, context);
    throw new ApiError(405, "method_not_allowed", "The API is read-only: use GET.", undefined, { Allow: "GET" });
  });
}
