import type { RequestHandler } from "express";

/**
 * Every 429 says when to come back. Routes that know the exact wait send their own
 * Retry-After; the rest (intake's hourly caps answer with a page) get this default.
 */
export function retryAfterOnEvery429(defaultSeconds = 60): RequestHandler {
  return (_req, res, next) => {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
    res.writeHead = ((...args: unknown[]) => {
      const status = typeof args[0] === "number" ? args[0] : res.statusCode;
      if (status === 429 && !res.hasHeader("Retry-After")) res.setHeader("Retry-After", String(defaultSeconds));
      return writeHead(...args);
    }) as typeof res.writeHead;
    next();
  };
}
