import type { RequestHandler } from "express";

/**
 * With `Referrer-Policy: no-referrer`, browsers send `Origin: null` on plain (no-JavaScript) form
 * posts, and Remix's CSRF check then aborts the action with a 500. When Fetch Metadata says the post
 * came from our own pages, the null origin carries no information and is dropped; otherwise the post
 * is refused with a 403 (an opaque origin from elsewhere: a sandboxed frame, a data: page).
 */
export function nullOriginFromSameSite(): RequestHandler {
  return (req, res, next) => {
    if (req.headers.origin !== "null") return next();
    if (req.headers["sec-fetch-site"] === "same-origin") {
      delete req.headers.origin;
      return next();
    }
    res.status(403).type("text/html").send("<!doctype html><title>Not accepted</title><h1>Not accepted</h1><p>Forms can only be sent from Close Call's own pages.</p>");
  };
}
