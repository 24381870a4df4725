import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "~/api/api-auth.server";
import { answerApi, ApiError } from "~/api/api-response.server";

const ENDPOINTS = ["/api/v1/book", "/api/v1/profile", "/api/v1/trends", "/api/v1/shared", "/api/v1/reports"];

function unknown(request: Request): never {
  throw new ApiError(
    404,
    "not_found",
    `There is no endpoint ${new URL(request.url).pathname}. Endpoints: ${ENDPOINTS.join(", ")}.`,
    { endpoints: ENDPOINTS },
  );
}

/** Any other path under /api/v1: a JSON 404 (after the token check, so the API reveals nothing to strangers). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answerApi(async () => {
    await requireApiCaller(request, context);
    unknown(request);
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return answerApi(async () => {
    await requireApiCaller(request, context);
    unknown(request);
  });
}
