import { describe, expect, it } from "vitest";
import { serveDuringTests } from "./test-server";
import { retryAfterOnEvery429 } from "./retry-after";

const served = serveDuringTests((app) => {
  app.use(retryAfterOnEvery429(60));
  app.get("/capped", (_req, res) => res.status(429).send("Too many reports this hour"));
  app.get("/exact", (_req, res) => res.status(429).setHeader("Retry-After", "7").send("wait"));
  app.get("/fine", (_req, res) => res.send("ok"));
});

describe("Retry-After on every 429 (issue 15 item 2)", () => {
  it("adds a default to a 429 without one, keeps a route's own, and leaves other answers alone", async () => {
    expect((await fetch(`${served.base}/capped`)).headers.get("Retry-After")).toBe("60");
    expect((await fetch(`${served.base}/exact`)).headers.get("Retry-After")).toBe("7");
    expect((await fetch(`${served.base}/fine`)).headers.get("Retry-After")).toBeNull();
  });
});
