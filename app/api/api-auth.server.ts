// Who is calling the agency data API: a bearer token of a partner agency (never a session cookie, never
// a token in the URL, which request logs would keep), and whether it is within its rate limit.
import type { AppLoadContext } from "@remix-run/node";
import { RateLimiterRes } from "rate-limiter-flexible";
import { type ApiCaller, checkApiToken, recordRefusedToken } from "../../db/api/api-tokens";
import { deploymentLimiter, limitersPerDeployment } from "../auth/limiter-store.server";
import { ApiError } from "./api-response.server";

/** Requests per token per minute, and for the whole API per minute (across every process on PostgreSQL). */
export const API_LIMITS = { perToken: 60, overall: 600 } as const;

async function createLimiters(owner: object) {
  const [perToken, overall] = await Promise.all([
    deploymentLimiter(owner, { keyPrefix: "api-token", points: API_LIMITS.perToken, duration: 60 }, "shared"),
    deploymentLimiter(owner, { keyPrefix: "api-all", points: API_LIMITS.overall, duration: 60 }, "shared"),
  ]);
  return { perToken, overall };
}
const limitersFor = limitersPerDeployment(createLimiters);

async function consume(owner: object, name: "perToken" | "overall", key: string): Promise<void> {
  try {
    await (await limitersFor(owner))[name].consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    const limit =
      name === "perToken" ? `${API_LIMITS.perToken} requests a minute per token` : "the API's overall limit";
    throw new ApiError(
      429,
      "rate_limited",
      `Too many requests (${limit}). Wait ${seconds} seconds and try again.`,
      undefined,
      { "Retry-After": String(seconds) },
    );
  }
}

const problems = {
  malformed: [
    401,
    "token_invalid",
    "This is not a Close Call API token. Tokens start with ccapi_ and are 49 characters long.",
  ],
  unknown: [401, "token_invalid", "This API token is not valid."],
  revoked: [
    401,
    "token_revoked",
    "This API token was revoked by a commander of your agency. Ask a commander for a new one.",
  ],
  expired: [401, "token_expired", "This API token has expired. Ask a commander of your agency for a new one."],
  agency_inactive: [401, "agency_inactive", "Your agency is no longer an active partner of the programme."],
  creator_inactive: [
    401,
    "token_owner_inactive",
    "The commander who created this token no longer commands your agency. Ask a commander for a new token.",
  ],
} as const;

const challenge = { "WWW-Authenticate": 'Bearer realm="Close Call API"' };

/** The calling agency, from its token; throws the JSON error otherwise. */
export async function requireApiCaller(request: Request, context: AppLoadContext): Promise<ApiCaller> {
  await consume(context.db, "overall", "all");
  const url = new URL(request.url);
  if (["token", "access_token", "api_key", "key"].some((p) => url.searchParams.has(p))) {
    throw new ApiError(
      400,
      "token_in_url",
      "Send the token in the Authorization header (Authorization: Bearer ccapi_…), never in the URL: addresses " +
        "are logged.",
    );
  }
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) {
    throw new ApiError(
      401,
      "token_missing",
      "Send your agency's API token in the Authorization header: Authorization: Bearer ccapi_…",
      undefined,
      challenge,
    );
  }
  const check = await checkApiToken(context.db, match[1]!);
  if (!check.ok) {
    await recordRefusedToken(context.db, check);
    const [status, code, message] = problems[check.problem];
    throw new ApiError(status, code, message, undefined, challenge);
  }
  await consume(context.db, "perToken", check.caller.tokenId);
  return check.caller;
}
