import type { ServerResponse } from "node:http";

/** How long a download may wait for a client that stopped reading before it is given up. */
const STALLED_MS = 120_000;

/**
 * Remix's Express adapter writes a streamed response body as fast as it is produced and ignores the
 * socket's backpressure, so a slow client makes the server hold the rest of a long download in memory.
 * This gives a stream producer the missing signal: the promise resolves once the socket has sent what it
 * holds (at once when it is not backed up), and rejects when the client goes away or stops reading.
 */
export function clientReadiness(res: ServerResponse): () => Promise<void> {
  return () =>
    new Promise<void>((resolve, reject) => {
      const socket = res.socket;
      if (!socket || socket.destroyed) return reject(new Error("The client closed the connection"));
      if (!socket.writableNeedDrain) return resolve();
      const timer = setTimeout(() => finish(new Error("The client stopped reading")), STALLED_MS);
      const onDrain = () => finish();
      const onClose = () => finish(new Error("The client closed the connection"));
      function finish(error?: Error) {
        clearTimeout(timer);
        socket!.off("drain", onDrain);
        socket!.off("close", onClose);
        if (error) reject(error);
        else resolve();
      }
      socket.once("drain", onDrain);
      socket.once("close", onClose);
    });
}
