import type { HeadersFunction } from "@remix-run/node";

/**
 * For routes that throw a 429 (rate limits): Remix drops a thrown response's headers unless the route
 * passes them on, and every 429 must say when to come back. Only Retry-After is kept:
 * the thrown response's Content-Type must not replace the error page's.
 */
export const keepRetryAfter: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
