import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryAfterOnEvery429 } from "./retry-after";

let server: Server;
let base: string;
beforeAll(async () => {
  const app = express();
  app.use(retryAfterOnEvery429(60));
  app.get("/capped", (_req, res) => res.status(429).send("Too many reports this hour"));
  app.get("/exact", (_req, res) => res.status(429).setHeader("Retry-After", "7").send("wait"));
  app.get("/fine", (_req, res) => res.send("ok"));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("Retry-After on every 429 (issue 15 item 2)", () => {
  it("adds a default to a 429 without one, keeps a route's own, and leaves other answers alone", async () => {
    expect((await fetch(`${base}/capped`)).headers.get("Retry-After")).toBe("60");
    expect((await fetch(`${base}/exact`)).headers.get("Retry-After")).toBe("7");
    expect((await fetch(`${base}/fine`)).headers.get("Retry-After")).toBeNull();
  });
});
