import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { sql } from "kysely";
import type { AppContext } from "../app/load-context";
import { pageViews } from "../app/page-views.server";
import { anonymousAddressKey } from "./address-key";
import { clientReadiness } from "./client-ready";
import { reclaimMemory } from "./reclaim-memory";
import { bodyLimit, rejectCrossSiteWrites, securityHeaders } from "./security-headers";
import { requestLog } from "./request-log";
import { type CachedPage, pageCache } from "./page-cache/page-cache";
import type { PageStore } from "./page-cache/page-store";

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  context: Omit<AppContext, "cspNonce">;
  build: ServerBuild;
  publicDir: string;
  log?: (line: string) => void;
  /** Where kept pages go (tests read it); a store of the default budget otherwise. */
  pageStore?: PageStore<CachedPage>;
}

/** The Express app: our headers, our logging, our limits, then Remix. */
export function createServerApp({ context, build, publicDir, log, pageStore }: ServerOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(requestLog(log));
  app.use(securityHeaders());
  app.use(anonymousAddressKey());
  // Static files replace the no-store default with their own caching. Build files (cached for a year by
  // browsers) get zlib's default level; pages are made per request, and level 1 makes a dashboard page
  // about 9% bigger but serves 13% more of them a second (1M reports, 50 clients).
  app.use("/build", compression(), express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  app.use(compression({ level: 1 }));
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));
  app.use(bodyLimit(MAX_BODY_BYTES));
  app.use(rejectCrossSiteWrites());

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
    createRequestHandler({
      build,
      mode: context.config.env === "production" ? "production" : "development",
      getLoadContext: (_req, res) => ({
        ...context, cspNonce: res.locals.cspNonce as string, addressKey: res.locals.addressKey as string | undefined, clientReady: clientReadiness(res), reclaimMemory,
      }),
    }),
  );

  app.use(((error, _req, res, _next) => {
    console.error("Server error:", error instanceof Error ? error.message : error);
    res.status(500).type("text/html").send("<!doctype html><title>Error</title><h1>Something went wrong</h1><p>Please try again in a moment.</p>");
  }) as express.ErrorRequestHandler);

  return app;
}
