import { apiLoader, readOnlyApiAction } from "~/api/api-route.server";
import { bookEndpoint } from "~/api/api-endpoints.server";

/** GET /api/v1/book (agency data API, bearer token; see docs/api.md). */
export const loader = apiLoader("book", bookEndpoint);
export const action = readOnlyApiAction;
