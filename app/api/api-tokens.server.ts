// API token management as routes see it (db/ stays out of the browser bundle).
export {
  checkApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  TOKEN_LIFETIMES,
  type ApiTokenListing,
} from "../../db/api/api-tokens";
