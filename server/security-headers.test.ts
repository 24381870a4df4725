import { describe, expect, it } from "vitest";
import { serveDuringTests } from "./test-server";
import { rejectCrossSiteWrites, securityHeaders } from "./security-headers";

const served = serveDuringTests((app) => {
  app.use(securityHeaders());
  app.use(rejectCrossSiteWrites());
  app.all("*", (req, res) =>
    res.send(req.method === "POST" ? `origin:${req.headers.origin ?? "none"}` : `nonce:${res.locals.cspNonce}`),
  );
});

function nonceOf(csp: string): string {
  return csp.match(/'nonce-([^']+)'/)![1]!;
}

describe("security headers", () => {
  it("give every response a fresh CSP nonce", async () => {
    const [a, b] = await Promise.all([fetch(`${served.base}/`), fetch(`${served.base}/`)]);
    const nonceA = nonceOf(a.headers.get("Content-Security-Policy")!);
    const nonceB = nonceOf(b.headers.get("Content-Security-Policy")!);
    expect(nonceA).not.toBe(nonceB);
    expect(Buffer.from(nonceA, "base64").length).toBeGreaterThanOrEqual(16);
    expect(await a.text()).toBe(`nonce:${nonceA}`);
  });

  it("set a strict CSP and the other baseline headers", async () => {
    const response = await fetch(`${served.base}/account`);
    const csp = response.headers.get("Content-Security-Policy")!;
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    expect(response.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d{8}/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(response.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("cross-site write check", () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${served.base}/sign-in`, { method: "POST", headers, body: "a=1" });

  it("refuses POSTs a browser marks as cross-site, or whose Origin is another host", async () => {
    expect((await post({ "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "same-site" })).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Origin: "null" })).status).toBe(403);
  });

  it("lets same-origin POSTs, clients without browser headers and reads through", async () => {
    const host = new URL(served.base).host;
    expect((await post({ "Sec-Fetch-Site": "same-origin", Origin: served.base })).status).toBe(200);
    expect((await post({ Origin: `http://${host}` })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    // A no-JS form post under Referrer-Policy no-referrer: Chromium sends Origin "null" with
    // Sec-Fetch-Site same-origin; the null origin is dropped so Remix's own check does not refuse it.
    const noJs = await post({ "Sec-Fetch-Site": "same-origin", Origin: "null" });
    expect(noJs.status).toBe(200);
    expect(await noJs.text()).toBe("origin:none");
    expect((await fetch(`${served.base}/`, { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(200);
  });
});
