import type { RequestHandler } from "express";
import { isAnonymousPath } from "../app/anonymous-paths";

/**
 * The app's own request log: method, path, status and duration only. Never the address, User-Agent,
 * Referer or query string; and nothing at all for the anonymous intake and receipt paths (docs/design.md §6).
 */
export function requestLog(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): RequestHandler {
  return (req, res, next) => {
    if (isAnonymousPath(req.path)) return next();
    const started = performance.now();
    res.on("finish", () => {
      write(`${req.method} ${req.path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
    });
    next();
  };
}
