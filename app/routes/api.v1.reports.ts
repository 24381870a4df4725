import { apiLoader, readOnlyApiAction } from "~/api/api-route.server";
import { reportsEndpoint } from "~/api/api-endpoints.server";

/** GET /api/v1/reports (agency data API, bearer token; see docs/api.md). */
export const loader = apiLoader("reports", reportsEndpoint);
export const action = readOnlyApiAction;
