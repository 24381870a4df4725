import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/synthetic/demo-accounts";
import { type HttpSession, postForm, type Reply, signInOverHttp } from "../support/http-client";
import { type RunningServer, startServer } from "../support/run-server";

// Once, 125 sign-ins with made-up emails in a few seconds filled the global hashing cap, and a
// real reviewer then got 429 for the rest of the minute — as did invitation acceptance and password reset.
// Each client here has a loopback address of its own, as the server sees different people.

const PASSWORD = "a long and unusual passphrase 3391";
const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-flood-"));
let server: RunningServer;
let admin: HttpSession;
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir, SEED_REPORTS: "200", NODE_ENV: "development" });
  admin = await signInOverHttp(server.url, "admin@demo.closecall.test");
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function expectRetryAfterOnEvery429(replies: Reply[]): void {
  for (const reply of replies.filter((r) => r.status === 429)) expect(reply.headers["retry-after"]).toMatch(/^\d+$/);
}

function signInFrom(source: string, email: string, password = "not the password at all"): Promise<Reply> {
  return postForm(server.url, "/sign-in", { email, password }, { localAddress: source });
}

describe("sign-in under a flood of made-up emails (issue 15 item 2)", () => {
  it("a known account with a clean history still signs in, and a valid invitation is still accepted", async () => {
    const invited = await postForm(
      server.url,
      "/admin/users",
      { csrf: admin.csrf, intent: "invite", email: "flood-invite@example.test", role: "reviewer" },
      { cookie: admin.cookie },
    );
    const token = decodeURIComponent(invited.body.match(/\/invitations\/accept\?token=([A-Za-z0-9_%-]+)/)![1]!);

    const sources = Array.from({ length: 10 }, (_, i) => `127.0.1.${i + 1}`);
    const flood = await Promise.all(
      Array.from({ length: 130 }, (_, i) => signInFrom(sources[i % sources.length]!, `made-up-${i}@example.test`)),
    );
    expect(flood.map((r) => r.status).filter((s) => s !== 400 && s !== 429)).toEqual([]);
    expectRetryAfterOnEvery429(flood);

    const reviewer = await signInFrom("127.0.2.1", "reviewer1@demo.closecall.test", DEMO_PASSWORD);
    expect(reviewer.status).toBe(302);
    expect(reviewer.headers.location).toMatch(/^\/sign-in\/mfa/);

    const accepted = await postForm(
      server.url,
      "/invitations/accept",
      { token, displayName: "Flood Tester", password: PASSWORD, confirmPassword: PASSWORD },
      { localAddress: "127.0.2.2" },
    );
    expect(accepted.status).toBe(302);
    expect(accepted.headers.location).toBe("/sign-in?welcome=1");

    // A made-up email is answered as before, "wrong email or password", whatever the load.
    const stranger = await signInFrom("127.0.2.3", "another-made-up@example.test");
    expect(stranger.status).toBe(400);
    expect(stranger.body).toContain("Wrong email or password.");
  });

  it("while the cap is full, guessing one account, real or not, gets 429 + Retry-After; others do not", async () => {
    const source = "127.0.3.1";
    const guesses: Reply[] = [];
    const unknown: Reply[] = [];
    for (let i = 0; i < 6; i++) {
      guesses.push(await signInFrom(source, "analyst@demo.closecall.test"));
      unknown.push(await signInFrom(source, "nobody-at-all@example.test"));
    }
    // While the cap filled by the flood above is full, an email with a failure waits at once; the sixth
    // attempt on one email waits in any case. A real account and a made-up one are answered alike.
    const statuses = guesses.map((r) => r.status);
    expect(statuses[0]).toBe(400);
    expect(statuses[5]).toBe(429);
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
    expect(unknown.map((r) => r.status)).toEqual(statuses);
    expect(guesses[0]!.body).toContain("Wrong email or password.");
    expect(unknown[0]!.body).toContain("Wrong email or password.");
    expectRetryAfterOnEvery429([...guesses, ...unknown]);

    const colleague = await signInFrom(source, "reviewer2@demo.closecall.test", DEMO_PASSWORD);
    expect(colleague.status).toBe(302);
  });
});
