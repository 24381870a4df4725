import type { ServerResponse } from "node:http";

/** How long a download may wait for a client that stopped reading before it is given up. */
const STALLED_MS = 120_000;

/**
 * Remix's Express adapter writes a streamed response body as fast as it is produced and ignores the
 * return value of `res.write`, so whatever is slower than the producer — the client, or the gzip stream
 * of the compression middleware — makes the server hold the rest of a long download in memory. This
 * gives a stream producer the missing signal: it watches what `res.write` returns (with compression on,
 * that is the gzip stream's answer, and 'drain' on `res` is the gzip stream's drain). The promise
 * resolves at once while nothing is backed up, else once 'drain' comes, and rejects when the client
 * goes away or stops reading.
 */
export function clientReadiness(res: ServerResponse): () => Promise<void> {
  let backedUp = false;
  const write = res.write;
  res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
    const accepted = (write as (...a: unknown[]) => boolean).apply(this, args);
    if (!accepted) backedUp = true;
    return accepted;
  } as ServerResponse["write"];

  return () =>
    new Promise<void>((resolve, reject) => {
      if (res.destroyed || res.socket?.destroyed) return reject(new Error("The client closed the connection"));
      if (!backedUp) return resolve();
      const timer = setTimeout(() => finish(new Error("The client stopped reading")), STALLED_MS);
      const onDrain = () => finish();
      const onClose = () => finish(new Error("The client closed the connection"));
      function finish(error?: Error) {
        clearTimeout(timer);
        res.off("drain", onDrain);
        res.off("close", onClose);
        if (error) return reject(error);
        backedUp = false;
        resolve();
      }
      res.once("drain", onDrain);
      res.once("close", onClose);
    });
}
