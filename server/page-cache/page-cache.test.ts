import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../security-headers";
import { type CachedPage, type PageView, pageCache, type ServerContext } from "./page-cache";
import { PageStore } from "./page-store";

// The middleware with a stand-in for Remix: what it keeps and what it refuses to keep.
const store = new PageStore<CachedPage>(1024 * 1024);
let renders = 0;
let baseUrl: string;
let server: Server;
let version = "v1";

const view = (
  path: string,
  key: PageView["key"] = async (r) => ({ query: new URL(r.url).search, viewer: { kind: "anonymous" } }),
): PageView => ({
  path,
  dataVersion: async () => version,
  key,
});

beforeAll(async () => {
  const app = express();
  app.use(securityHeaders());
  app.use(compression({ level: 1 }));
  app.use(
    pageCache({
      views: [
        view("/page"),
        view("/cookie"),
        view("/header"),
        view("/missing"),
        view("/broken", async () => {
          throw new Error("database busy");
        }),
      ],
      context: {} as ServerContext,
      store,
    }),
  );
  const page = (res: express.Response) =>
    `<!doctype html><script nonce="${res.locals.cspNonce as string}">1</script>${"<p>text</p>".repeat(300)}`;
  app.get("/page", (_req, res) => {
    renders++;
    res.type("html").send(page(res));
  });
  app.get("/cookie", (_req, res) => res.setHeader("Set-Cookie", "a=b").type("html").send(page(res)));
  app.get("/header", (_req, res) => res.setHeader("X-Echo", String(res.locals.cspNonce)).type("html").send(page(res)));
  app.get("/missing", (_req, res) => res.status(404).type("html").send(page(res)));
  app.get("/broken", (_req, res) => res.type("html").send(page(res)));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function get(path: string) {
  const response = await fetch(`${baseUrl}${path}`);
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  return { status: response.status, html, nonce, response };
}

describe("the page cache", () => {
  it("renders once per key and data version; each response carries only its own nonce", async () => {
    const before = renders;
    const pages = [await get("/page"), await get("/page"), await get("/page?x=1")];
    expect(renders).toBe(before + 2);
    for (const p of pages) expect([...p.html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1])).toEqual([p.nonce]);
    version = "v2";
    await get("/page");
    expect(renders).toBe(before + 3);
  });

  it("keeps no page that sets a cookie, echoes a per-response value in a header, or is not a 200", async () => {
    const size = store.size;
    for (const path of ["/cookie", "/header", "/missing"]) {
      const first = await get(path);
      const second = await get(path);
      expect(second.html).toContain(`nonce="${second.nonce}"`);
      expect(second.html).not.toContain(first.nonce!);
    }
    expect(store.size).toBe(size);
  });

  it("leaves a page to the app when its view cannot give a key", async () => {
    const page = await get("/broken");
    expect(page.status).toBe(200);
    expect(page.html).toContain(`nonce="${page.nonce}"`);
  });

  it("refuses to keep the intake pages", () => {
    for (const path of ["/report", "/receipt", "/report.data"]) {
      expect(() => pageCache({ views: [view(path)], context: {} as ServerContext })).toThrow(/intake/);
    }
  });
});

describe("the page store", () => {
  it("drops the least recently used pages past its budget", () => {
    const small = new PageStore<{ bytes: number }>(100);
    small.set("a", { bytes: 20 });
    small.set("b", { bytes: 20 });
    small.get("a");
    small.set("c", { bytes: 20 });
    small.set("d", { bytes: 20 });
    small.set("e", { bytes: 25 });
    expect(["a", "b", "c", "d", "e"].filter((k) => small.has(k))).toEqual(["a", "c", "d", "e"]);
    expect(small.bytes).toBe(85);
    small.set("big", { bytes: 26 }); // over a quarter of the budget: not kept
    expect(small.has("big")).toBe(false);
  });
});
