import { apiLoader, readOnlyApiAction } from "~/api/api-route.server";
import { sharedEndpoint } from "~/api/api-endpoints.server";

/** GET /api/v1/shared (agency data API, bearer token; see docs/api.md). */
export const loader = apiLoader("shared", sharedEndpoint);
export const action = readOnlyApiAction;
