import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressKeys, createAddressKeyer } from "./address-key";
import { rejectCrossSiteWrites } from "./security-headers";

describe("address key for abuse caps (docs/design.md §6.6)", () => {
  it("is stable within a day, changes with the day, and does not contain the address", () => {
    let day = "2026-01-01";
    const keyer = createAddressKeyer(() => day);
    const a = keyer("203.0.113.5");
    expect(keyer("203.0.113.5")).toBe(a);
    expect(keyer("203.0.113.6")).not.toBe(a);
    expect(a).not.toContain("203.0.113");
    day = "2026-01-02";
    expect(keyer("203.0.113.5")).not.toBe(a);
    // Another process (another salt) cannot reproduce it.
    expect(createAddressKeyer(() => "2026-01-01")("203.0.113.5")).not.toBe(a);
  });
});

let server: Server;
let base: string;
beforeAll(async () => {
  const app = express();
  app.use(addressKeys());
  app.use(rejectCrossSiteWrites());
  app.all("*", (req, res) => res.json({ addressKey: res.locals.addressKey ?? null, origin: req.headers.origin ?? null }));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("anonymous request middleware", () => {
  it("computes the address key for every path (intake caps, per-source sign-in limits), one per client", async () => {
    const report = (await (await fetch(`${base}/report`)).json()).addressKey;
    expect(report).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await (await fetch(`${base}/sign-in`)).json()).addressKey).toBe(report);
  });

  it("drops Origin: null on same-origin posts (no-JS forms under no-referrer) and refuses it otherwise", async () => {
    const same = await fetch(`${base}/report`, { method: "POST", headers: { Origin: "null", "Sec-Fetch-Site": "same-origin" } });
    expect(await same.json()).toMatchObject({ origin: null });
    const opaque = await fetch(`${base}/report`, { method: "POST", headers: { Origin: "null", "Sec-Fetch-Site": "cross-site" } });
    expect(opaque.status).toBe(403);
    const own = new URL(base).origin;
    const normal = await fetch(`${base}/report`, { method: "POST", headers: { Origin: own } });
    expect(await normal.json()).toMatchObject({ origin: own });
    const foreign = await fetch(`${base}/report`, { method: "POST", headers: { Origin: "http://x.test" } });
    expect(foreign.status).toBe(403);
  });
});
