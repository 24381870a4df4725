// What the page-cache tests share: a server on the built app with its own page store, a GET as a
// browser makes it, and the checks that a page carries only its own response's values.
import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import type { OpenDatabase } from "../../db/open";
import { createServerApp } from "../../server/app";
import type { CachedPage } from "../../server/page-cache/page-cache";
import type { PageStore } from "../../server/page-cache/page-store";
import { createTestContext } from "./test-context";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The built app (build/index.js, as `npm start` serves it) on a free port, its pages kept in `store`. */
export async function startCachedPagesServer(
  database: OpenDatabase,
  store: PageStore<CachedPage>,
  options: Parameters<typeof createTestContext>[1] = {},
): Promise<{ server: Server; port: number }> {
  const build = (await import(path.join(root, "build", "index.js"))) as ServerBuild;
  const { cspNonce: _, ...context } = createTestContext(database, options);
  const app = createServerApp({ context, build, publicDir: path.join(root, "public"), pageStore: store });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return { server, port: (server.address() as AddressInfo).port };
}

export interface Page {
  status: number;
  headers: IncomingHttpHeaders;
  html: string;
  /** The nonce of this response's Content-Security-Policy. */
  nonce: string;
}

/** A GET as a browser makes it (gzip accepted unless told otherwise), the body decoded. */
export function getPage(
  port: number,
  pathname: string,
  options: { cookie?: string; gzip?: boolean } = {},
): Promise<Page> {
  const headers: Record<string, string> = { accept: "text/html" };
  if (options.gzip !== false) headers["accept-encoding"] = "gzip";
  if (options.cookie) headers.cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const html = (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
        const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"]))?.[1] ?? "";
        resolve({ status: res.statusCode ?? 0, headers: res.headers, html, nonce });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Whether any trace of a secret is in the page: the secret itself, or any run of 6+ of its letters and
 * digits (so an escaped copy, say "\/" for "/", is caught too; 6 random ones appear by chance ~1e-6).
 */
export function hasTrace(html: string, secret: string): boolean {
  return html.includes(secret) || secret.split(/[^A-Za-z0-9]+/).some((run) => run.length >= 6 && html.includes(run));
}

/** Every nonce the page's scripts and data carry. */
export function noncesIn(html: string): string[] {
  return [...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]!);
}
