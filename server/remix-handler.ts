import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { bufferedBody } from "./request-body";

const NOT_A_FORM_PAGE =
  "<!doctype html><title>Not a form</title><h1>Not a form</h1><p>This address shows a page or a file; it does not " +
  "take forms. Go back and try again from the page you were on.</p>";

/**
 * Remix behind Express, in production mode always (development mode puts stacks and
 * file paths in error payloads). Instead of @remix-run/express's adapter, which hands Remix the socket to
 * read, the request body is the one `readBody` already capped and buffered. Response headers replace the
 * defaults set by our middleware (so a route's Cache-Control is the only one sent); cookies add up.
 */
export function remixHandler(
  build: ServerBuild,
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext,
): RequestHandler {
  const handle = createRequestHandler(build, "production");
  return async (req, res, next) => {
    let url: URL;
    try {
      url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
    } catch {
      res.status(400).type("text/plain").send("The request's Host header or address is not valid.");
      return;
    }
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
      else if (value !== undefined) headers.set(name, value);
    }
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : bufferedBody(res);
    // The body is whole now: however it arrived, it has a length and no transfer coding.
    headers.delete("transfer-encoding");
    if (body) headers.set("content-length", String(body.length));
    try {
      const response = await handle(
        new Request(url, { method: req.method, headers, body, signal: controller.signal }),
        getLoadContext(req, res),
      );
      // A post to a page or file without an action: Remix's own 405 says "Unexpected Server Error" (files)
      // or carries its internal route ids (pages). The data API answers its 405 itself, in JSON.
      if (response.status === 405 && !req.path.startsWith("/api/")) {
        res.status(405).setHeader("Allow", "GET, HEAD");
        res.type("text/html").send(NOT_A_FORM_PAGE);
        return;
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) {
        if (name === "set-cookie") res.append(name, value);
        else res.setHeader(name, value);
      }
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
