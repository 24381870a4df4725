import { Worker } from "node:worker_threads";
import type { SyntheticAgency } from "./generate-agencies";
import type { GenerateMessage, GenerateRequest } from "./generate-worker";

/**
 * Streams the dataset from a worker thread: first the agencies, then batches of staging rows (see
 * staging-row.ts), flattened four strings per report. The worker
 * runs ahead while the caller appends, bounded by the batches in flight.
 */
export async function* generateInWorker(
  request: Omit<GenerateRequest, "inFlight">,
): AsyncGenerator<{ agencies: SyntheticAgency[] } | { rows: string[] }> {
  const inFlight = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL("./generate-worker-entry.mjs", import.meta.url), {
    workerData: { ...request, inFlight: inFlight.buffer } satisfies GenerateRequest,
  });
  const queue: GenerateMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on("message", (message: GenerateMessage) => {
    queue.push(message);
    wake?.();
  });
  worker.on("error", (error) => {
    failure = error;
    wake?.();
  });
  try {
    for (;;) {
      if (failure) throw failure;
      const message = queue.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (message.type === "done") return;
      if (message.type === "reports") {
        Atomics.sub(inFlight, 0, 1);
        Atomics.notify(inFlight, 0);
      }
      yield message.type === "agencies" ? { agencies: message.agencies } : { rows: message.rows };
    }
  } finally {
    await worker.terminate();
  }
}
