import { apiLoader, readOnlyApiAction } from "~/api/api-route.server";
import { trendsEndpoint } from "~/api/api-endpoints.server";

/** GET /api/v1/trends (agency data API, bearer token; see docs/api.md). */
export const loader = apiLoader("trends", trendsEndpoint);
export const action = readOnlyApiAction;
