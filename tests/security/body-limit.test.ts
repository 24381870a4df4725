import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../e2e/support/app-server";
import { type HttpSession, send, signInOverHttp, streamChunked } from "../support/http-client";

// The 1 MB cap applies while a body streams, for every route — a chunked body without
// Content-Length used to be read in full by /sign-in, /partners/apply and /account before any check.

const MB = 1024 * 1024;
// Far more than loopback's socket buffers can hold: Linux grows a receive buffer up to tcp_rmem's maximum
// (32 MB here) while the server is slow to answer, so a client may get 30 MB written before the 413 without
// the server reading more than 1 MB of it (a 24 MB body once showed 13 MB sent under CI load).
const HUGE = 96 * MB;

let server: AppServer;
let commander: HttpSession;
beforeAll(async () => {
  server = await startAppServer({ SEED_REPORTS: "200" });
  commander = await signInOverHttp(server.url, "commander@metro.demo.closecall.test");
});
afterAll(() => server?.stop());

describe("request bodies are capped as they stream (issue 15 item 3)", () => {
  it.each([
    ["/sign-in", false],
    ["/partners/apply", false],
    ["/report", false],
    ["/account", true],
    ["/agency/members", true],
    ["/no-such-page", false],
  ])("a chunked 96 MB body to %s gets a 413 long before it is all sent (signed in: %s)", async (path, signedIn) => {
    const reply = await streamChunked(server.url, path, HUGE, signedIn ? { Cookie: commander.cookie } : {});
    expect(reply.status).toBe(413);
    expect(reply.body).toMatch(/larger than 1 MB/);
    // What loopback socket buffers hold is all the client got to write before the answer.
    expect(reply.sentBeforeAnswer).toBeLessThan(HUGE / 2);
  });

  it("refuses a declared length over 1 MB before reading it, lets a body under the cap reach the route", async () => {
    const declared = await send(server.url, {
      method: "POST",
      path: "/sign-in",
      body: "a=1",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(2 * MB) },
    }).catch((error: Error) => ({ status: 0, body: error.message }));
    expect([413, 0]).toContain(declared.status);
    const small = await streamChunked(server.url, "/sign-in", MB - 64 * 1024);
    expect(small.status).toBe(400);
    expect(small.body).toContain("Partner sign-in");
  });
});
