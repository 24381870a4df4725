import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

/**
 * Headers for every response (docs/design.md §8): a fresh CSP nonce per request, no third-party origins,
 * no referrer, no sensors, no framing, and no caching of pages (static build assets set their own).
 * Inline style attributes are allowed (charts and React style props) but not inline <style> or scripts.
 */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(18).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader(
      "Permissions-Policy",
      "accelerometer=(), ambient-light-sensor=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), payment=(), usb=(), interest-cohort=()",
    );
    res.setHeader("Cache-Control", "no-store");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser says came from another site (docs/design.md §8): first by
 * Fetch Metadata (`Sec-Fetch-Site`), then by `Origin` against the request's own host. Clients that
 * send neither (curl, old browsers) pass on to the CSRF token check of authenticated forms.
 */
export function rejectCrossSiteWrites(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.headers["sec-fetch-site"];
    const origin = req.headers.origin;
    let crossSite = false;
    if (typeof site === "string") {
      crossSite = site !== "same-origin" && site !== "none";
    } else if (typeof origin === "string") {
      try {
        crossSite = origin === "null" || new URL(origin).host !== req.headers.host;
      } catch {
        crossSite = true;
      }
    }
    // Under Referrer-Policy no-referrer, Chromium sends `Origin: null` with plain (no-JS) form posts.
    // Fetch Metadata already proved this one same-origin, and Remix would otherwise refuse a "null"
    // origin as a host mismatch, breaking every form without JavaScript.
    if (!crossSite && origin === "null") delete req.headers.origin;
    if (crossSite) {
      res
        .status(403)
        .type("text/html")
        .send(
          "<!doctype html><title>Not allowed</title><h1>Not allowed</h1><p>This form was sent from another site. " +
            "Go back to Close Call and try again.</p>",
        );
      return;
    }
    next();
  };
}
