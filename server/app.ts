import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { sql } from "kysely";
import type { AppContext } from "../app/load-context";
import { pageViews } from "../app/page-views.server";
import { addressKeys } from "./address-key";
import { canonicalIntakePaths } from "./canonical-paths";
import { clientReadiness } from "./client-ready";
import { acceptFormPostsOnly } from "./form-bodies";
import { reclaimMemory } from "./reclaim-memory";
import { remixHandler } from "./remix-handler";
import { readBody } from "./request-body";
import { requestLog } from "./request-log";
import { type CachedPage, pageCache } from "./page-cache/page-cache";
import type { PageStore } from "./page-cache/page-store";
import { retryAfterOnEvery429 } from "./retry-after";
import { rejectCrossSiteWrites, securityHeaders } from "./security-headers";

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  context: Omit<AppContext, "cspNonce">;
  build: ServerBuild;
  publicDir: string;
  log?: (line: string) => void;
  /** Where kept pages go (tests read it); a store of the default budget otherwise. */
  pageStore?: PageStore<CachedPage>;
  /** How client addresses become keys (server/address-key.ts); a salt of this process's own by default. */
  addressKeyer?: (address: string) => string | Promise<string>;
}

const ERROR_PAGE =
  "<!doctype html><title>Error</title><h1>Something went wrong</h1><p>Please try again in a moment.</p>";

/** The Express app: our headers, our logging, our limits, then Remix. */
export function createServerApp({
  context,
  build,
  publicDir,
  log,
  pageStore,
  addressKeyer,
}: ServerOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(canonicalIntakePaths());
  app.use(requestLog(log));
  app.use(securityHeaders());
  app.use(retryAfterOnEvery429());
  app.use(addressKeys(addressKeyer));
  // Static files replace the no-store default with their own caching. Build files (cached for a year by
  // browsers) get zlib's default level; pages are made per request, and level 1 makes a dashboard page
  // about 9% bigger but serves 13% more of them a second (1M reports, 50 clients).
  app.use(
    "/build",
    compression(),
    express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(compression({ level: 1 }));
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));
  app.use(rejectCrossSiteWrites());
  app.use(readBody(MAX_BODY_BYTES));
  app.use(acceptFormPostsOnly());

  app.get("/healthz", async (_req, res) => {
    try {
      await sql`SELECT 1`.execute(context.db);
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable" });
    }
  });

  app.use(pageCache({ views: pageViews, context, store: pageStore }));
  app.all(
    "*",
    remixHandler(build, (_req, res) => ({
      ...context,
      cspNonce: res.locals.cspNonce as string,
      addressKey: res.locals.addressKey as string,
      clientReady: clientReadiness(res),
      reclaimMemory,
    })),
  );

  // Only the message is logged: a stack would carry nothing about the request, but request data must
  // never reach the log (docs/design.md §6), and the page says nothing about the cause.
  app.use(((error, _req, res, _next) => {
    console.error("Server error:", error instanceof Error ? error.message : error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(500).type("text/html").send(ERROR_PAGE);
  }) as express.ErrorRequestHandler);

  return app;
}
