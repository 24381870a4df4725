import type { RequestHandler } from "express";
import { bufferedBody } from "./request-body";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

function page(title: string, text: string): string {
  return `<!doctype html><title>${title}</title><h1>${title}</h1><p>${text}</p>`;
}

/**
 * Every page's actions read `request.formData()`, which throws on JSON, text or a broken multipart body
 * and turned those into 500s. Writes to pages must therefore be forms that parse: other
 * content types get a 415, a multipart body that does not parse a 400, before any route runs. The data
 * API (/api/) answers its own JSON errors and never reads a body.
 */
export function acceptFormPostsOnly(): RequestHandler {
  return async (req, res, next) => {
    if (READS.has(req.method) || req.path.startsWith("/api/")) return next();
    const contentType = req.headers["content-type"] ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    if (!FORM_TYPES.has(mediaType)) {
      res
        .status(415)
        .type("text/html")
        .send(
          page(
            "Not a form",
            "This address accepts forms only (application/x-www-form-urlencoded or multipart/form-data). Go back " +
              "and send the form again.",
          ),
        );
      return;
    }
    if (mediaType === "multipart/form-data") {
      try {
        await new Response(bufferedBody(res) ?? "", { headers: { "Content-Type": contentType } }).formData();
      } catch {
        res
          .status(400)
          .type("text/html")
          .send(page("The form could not be read", "What was sent is not a complete form. Go back and send it again."));
        return;
      }
    }
    next();
  };
}
