// The route modules of the agency data API are one line each: a loader that checks the token, reads the
// dashboard's filters and answers with its endpoint, and an action that says the API is read-only.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { ApiCaller } from "../../db/api/api-tokens";
import { requireApiCaller } from "./api-auth.server";
import { type ApiQuery, type Endpoint, parseApiQuery } from "./api-endpoints.server";
import { answerApi, ApiError } from "./api-response.server";

type EndpointAnswer = (context: AppLoadContext, caller: ApiCaller, query: ApiQuery) => Promise<Response>;

export function apiLoader(endpoint: Endpoint, answer: EndpointAnswer) {
  return ({ request, context }: LoaderFunctionArgs) =>
    answerApi(async () => {
      const caller = await requireApiCaller(request, context);
      return answer(context, caller, parseApiQuery(request, endpoint));
    });
}

/** Any other method than GET: 405 after the token check (the API tells strangers nothing). */
export function readOnlyApiAction({ request, context }: ActionFunctionArgs) {
  return answerApi(async () => {
    await requireApiCaller(request, context);
    throw new ApiError(405, "method_not_allowed", "The API is read-only: use GET.", undefined, { Allow: "GET" });
  });
}
