import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";

const TOO_LARGE_PAGE =
  "<!doctype html><title>Too large</title><h1>Too large</h1><p>What you sent is larger than 1 MB. Go back, " +
  "shorten it and try again; your text is still in the form.</p>";

/** The body `readBody` kept for Remix, or undefined when the request had none. */
export function bufferedBody(res: ExpressResponse): Uint8Array<ArrayBuffer> | undefined {
  return res.locals.body as Uint8Array<ArrayBuffer> | undefined;
}

function declaresBody(req: ExpressRequest): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

// A client still sending when the 413 goes out would see its connection reset, and lose the answer,
// if the socket closed at once: read and discard for this long first (a lingering close).
const LINGER_MS = 5_000;

function refuse(req: ExpressRequest, res: ExpressResponse): void {
  const closeWhenDrained = req.headers.connection?.toLowerCase() === "close";
  // Node would otherwise destroy the socket right after the answer to a client that sent
  // "Connection: close", while that client is still writing its body.
  res.shouldKeepAlive = true;
  res.status(413).type("text/html").send(TOO_LARGE_PAGE);
  req.resume();
  const socket = req.socket;
  res.once("finish", () => {
    if (req.complete) {
      if (closeWhenDrained) socket.end();
      return;
    }
    const cutOff = setTimeout(() => socket.destroy(), LINGER_MS);
    cutOff.unref();
    req.once("end", () => {
      clearTimeout(cutOff);
      if (closeWhenDrained) socket.end();
    });
  });
}

/**
 * Reads every request body into memory as it streams, for every route, and answers 413 the moment it
 * passes `maxBytes`: a declared length is refused before a byte is read, a chunked
 * body as soon as its running total is too large. Remix then gets the buffered body (server/remix-handler.ts),
 * so no route ever reads from the socket itself.
 */
export function readBody(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    if (Number(req.headers["content-length"] ?? 0) > maxBytes) return refuse(req, res);
    if (!declaresBody(req)) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        settled = true;
        req.off("data", onData);
        refuse(req, res);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => {
      if (settled) return;
      settled = true;
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.length;
      }
      res.locals.body = body;
      next();
    });
    // A client that gives up half-way gets no answer: there is nobody left to read it.
    req.once("error", () => {
      settled = true;
    });
  };
}
