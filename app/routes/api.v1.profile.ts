import { apiLoader, readOnlyApiAction } from "~/api/api-route.server";
import { profileEndpoint } from "~/api/api-endpoints.server";

/** GET /api/v1/profile (agency data API, bearer token; see docs/api.md). */
export const loader = apiLoader("profile", profileEndpoint);
export const action = readOnlyApiAction;
