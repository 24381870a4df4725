// A download's body: the Node stream of a CSV, XLSX or PDF builder as a web stream for the Response,
// in pieces of about 64 KB (Remix flushes the compressor after every piece: one flush per CSV record made
// the file bigger than uncompressed and the client slow), read only as fast as the client takes it
// (context.clientReady), so a long export never piles up in the server's memory. Every RECLAIM_EVERY
// bytes it asks for a full garbage collection (context.reclaimMemory): V8 lets garbage grow to about the
// size of the live heap before collecting it, which made a 1M-row export grow the server by 300 MB.
import type { AppLoadContext } from "@remix-run/node";
import type { Readable } from "node:stream";

const PIECE = 64 * 1024;
const RECLAIM_EVERY = 16 * 1024 * 1024;

export function downloadBody(
  source: Readable,
  context: Pick<AppLoadContext, "clientReady" | "reclaimMemory">,
): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let finished = false;
  let sinceReclaim = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          await context.clientReady?.();
          const piece: Buffer[] = [];
          let size = 0;
          while (size < PIECE) {
            const next = await chunks.next();
            if (next.done) {
              finished = true;
              break;
            }
            const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
            piece.push(chunk);
            size += chunk.length;
          }
          if (size > 0) controller.enqueue(new Uint8Array(Buffer.concat(piece, size)));
          sinceReclaim += size;
          if (sinceReclaim >= RECLAIM_EVERY) {
            sinceReclaim = 0;
            context.reclaimMemory?.();
          }
          if (finished) controller.close();
        } catch (error) {
          source.destroy();
          controller.error(error);
        }
      },
      cancel() {
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
