import type { RequestHandler } from "express";
import { canonicalAnonymousPage } from "../app/anonymous-paths";

/**
 * Another spelling of an intake path (`/Report`, `/%72eport`, `/receipt/`) is sent to the one spelling
 * before anything else runs: no log line, no session lookup, no rate-limit bucket of its own.
 * 308 keeps the method and body of a form post.
 */
export function canonicalIntakePaths(): RequestHandler {
  return (req, res, next) => {
    const canonical = canonicalAnonymousPage(req.path);
    if (!canonical) return next();
    const query = req.originalUrl.indexOf("?");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.redirect(308, `${canonical}${query === -1 ? "" : req.originalUrl.slice(query)}`);
  };
}
