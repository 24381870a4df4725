import type { Kysely } from "kysely";
import type { Database } from "../db/database";
import type { AppConfig } from "../orchestration/config";
import type { Deployment } from "../orchestration/deployment";

/**
 * What the Express server hands every loader and action (see server/app.ts). Routes get the database
 * from here, never from a module-level singleton, so tests call loaders with a fresh in-memory context.
 */
export interface AppContext {
  /** The system of record: every write, and reads of what is not published (accounts, review, the audit log). */
  db: Kysely<Database>;
  /**
   * Published reports, rollups, the search index and the release book, in DuckDB SQL: the same database
   * as `db` in the embedded default; this process's analytics copy in scale-out mode (docs/scale-out.md).
   */
  analytics: Kysely<Database>;
  /** Both, with what keeps them in step (publication, featured reports, an agency leaving) and cross-process locks. */
  deployment: Deployment;
  config: AppConfig;
  /** Fresh per request; every inline script and Remix's own scripts carry it (CSP, docs/design.md §8). */
  cspNonce: string;
  /** HMAC of the client address under a daily in-memory salt, for abuse caps and sign-in limits; never stored. */
  addressKey?: string;
  /** Resolves when the client has taken what was sent (server/client-ready.ts): long downloads go at its pace. */
  clientReady?: () => Promise<void>;
  /** A full garbage collection (server/reclaim-memory.ts), called by long downloads every few MB sent. */
  reclaimMemory?: () => void;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
