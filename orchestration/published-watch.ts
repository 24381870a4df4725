// How a process learns that the system of record changed (scale-out, docs/scale-out.md): a LISTEN on the
// channel every publication notifies at its commit, and polling as the fallback (a dropped connection, a
// change that notifies nothing, such as a release of the book). Either one runs `onChange`; runs never
// overlap, and a signal that arrives during a run runs it once more afterwards.
import pg from "pg";
import { PUBLISHED_CHANNEL } from "../db/review/published-changes";

export interface PublishedWatch {
  /** Resolves when the listener is connected (or failed to connect: polling still runs). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function watchPublishedChanges(options: {
  /** PostgreSQL URL; null to poll only. */
  url: string | null;
  pollMs: number;
  onChange: () => Promise<void>;
  onError?: (error: unknown) => void;
}): PublishedWatch {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const report = options.onError ?? (() => undefined);
  const signal = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await options.onChange().catch(report);
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(signal, options.pollMs);
  timer.unref();
  let client: pg.Client | null = null;
  const ready = (async () => {
    if (!options.url) return;
    client = new pg.Client({ connectionString: options.url });
    client.on("notification", signal);
    client.on("error", report); // a broken connection: polling carries on
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLISHED_CHANNEL}`);
    } catch (error) {
      report(error);
    }
  })();
  return {
    ready,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ready;
      await client?.end().catch(() => undefined);
      await running;
    },
  };
}
