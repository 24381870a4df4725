import { describe, expect, it } from "vitest";
import { serveDuringTests } from "./test-server";
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

const served = serveDuringTests((app) => {
  app.use(addressKeys());
  app.use(rejectCrossSiteWrites());
  app.all("*", (req, res) =>
    res.json({ addressKey: res.locals.addressKey ?? null, origin: req.headers.origin ?? null }),
  );
});

describe("anonymous request middleware", () => {
  it("computes the address key for every path (intake caps, sign-in limits per source), same per client", async () => {
    const report = (await (await fetch(`${served.base}/report`)).json()).addressKey;
    expect(report).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await (await fetch(`${served.base}/sign-in`)).json()).addressKey).toBe(report);
  });

  it("drops Origin: null on same-origin posts (no-JS forms under no-referrer) and refuses it otherwise", async () => {
    const same = await fetch(`${served.base}/report`, {
      method: "POST",
      headers: { Origin: "null", "Sec-Fetch-Site": "same-origin" },
    });
    expect(await same.json()).toMatchObject({ origin: null });
    const opaque = await fetch(`${served.base}/report`, {
      method: "POST",
      headers: { Origin: "null", "Sec-Fetch-Site": "cross-site" },
    });
    expect(opaque.status).toBe(403);
    const own = new URL(served.base).origin;
    const normal = await fetch(`${served.base}/report`, { method: "POST", headers: { Origin: own } });
    expect(await normal.json()).toMatchObject({ origin: own });
    const foreign = await fetch(`${served.base}/report`, { method: "POST", headers: { Origin: "http://x.test" } });
    expect(foreign.status).toBe(403);
  });
});
