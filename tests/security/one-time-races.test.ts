import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentTotp } from "../../db/accounts/mfa";
import { loadServerKey } from "../../db/intake/server-key";
import { openDatabase } from "../../db/open";
import { secretBox } from "../../db/security/secret-box";
import { DEMO_TOTP_SECRET } from "../../db/synthetic/demo-accounts";
import {
  getPage,
  hiddenField,
  type HttpSession,
  passwordStep,
  postForm,
  type Reply,
  sessionCookieOf,
  signInOverHttp,
} from "../support/http-client";
import { type RunningServer, startServer } from "../support/run-server";

// With real parallel requests against a running server: each one-time secret is taken
// by exactly one request, the others get a 4xx (never a 500), and completing enrolment without
// JavaScript shows the recovery codes.

const PASSWORD = "a long and unusual passphrase 7141";
const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-races-"));
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

function statuses(replies: Reply[]): number[] {
  return replies.map((r) => r.status).sort();
}

function tokenIn(html: string, pathname: string): string {
  const match = html.match(new RegExp(`${pathname.replace("/", "\\/")}\\?token=([A-Za-z0-9_%-]+)`));
  if (!match) throw new Error(`No ${pathname} link on the page`);
  return decodeURIComponent(match[1]!);
}

async function invite(email: string): Promise<string> {
  const page = await postForm(
    server.url,
    "/admin/users",
    { csrf: admin.csrf, intent: "invite", email, role: "reviewer" },
    { cookie: admin.cookie },
  );
  expect(page.status).toBe(200);
  return tokenIn(page.body, "/invitations/accept");
}

function accept(token: string): Promise<Reply> {
  return postForm(server.url, "/invitations/accept", {
    token,
    displayName: "Race Tester",
    password: PASSWORD,
    confirmPassword: PASSWORD,
  });
}

async function pendingOf(email: string): Promise<HttpSession> {
  const reply = await postForm(server.url, "/sign-in", { email, password: PASSWORD });
  expect(reply.status).toBe(302);
  const cookie = sessionCookieOf(reply);
  const page = await getPage(server.url, reply.headers.location!, cookie);
  return { cookie, csrf: hiddenField(page.body, "csrf") };
}

/** The set-up key an enrolment page shows to this pending session. */
async function enrolmentSecret(session: HttpSession): Promise<string> {
  const page = await getPage(server.url, "/sign-in/enrol", session.cookie);
  const match = page.body.match(/aria-label="Set-up key">([A-Z2-7 ]+)</);
  if (!match) throw new Error(`No set-up key on the enrolment page (status ${page.status})`);
  return match[1]!.replace(/ /g, "");
}

describe("one-time secrets under parallel requests (issue 15 item 4)", () => {
  it("one TOTP code posted from four pending sessions at once signs in exactly once", async () => {
    const email = "reviewer1@demo.closecall.test";
    const pending = await Promise.all([1, 2, 3, 4].map(() => passwordStep(server.url, email)));
    const code = await currentTotp(DEMO_TOTP_SECRET);
    const replies = await Promise.all(
      pending.map((p) =>
        postForm(server.url, "/sign-in/mfa", { csrf: p.csrf, kind: "totp", code }, { cookie: p.cookie }),
      ),
    );
    expect(statuses(replies)).toEqual([302, 400, 400, 400]);
    expect(replies.find((r) => r.status === 302)!.headers.location).toBe("/review");
  });

  it("an invitation link posted three times at once creates one account", async () => {
    const token = await invite("race-invite@example.test");
    const replies = await Promise.all([accept(token), accept(token), accept(token)]);
    expect(replies.filter((r) => r.status === 302)).toHaveLength(1);
    expect(replies.every((r) => r.status === 302 || (r.status >= 400 && r.status < 500))).toBe(true);
  });

  it("a password-reset link posted three times at once succeeds once", async () => {
    const token = await invite("race-reset@example.test");
    expect((await accept(token)).status).toBe(302);
    const users = await getPage(server.url, "/admin/users", admin.cookie);
    const userId = users.body.match(
      /href="\/admin\/users\/([0-9a-f-]{36})">Race Tester<\/a><br\/><span class="meta">race-reset@example\.test/,
    )?.[1];
    expect(userId).toBeDefined();
    const issued = await postForm(
      server.url,
      `/admin/users/${userId}`,
      { csrf: admin.csrf, intent: "reset-password" },
      { cookie: admin.cookie },
    );
    const resetToken = tokenIn(issued.body, "/password-reset");
    const reset = (n: number) =>
      postForm(server.url, "/password-reset", {
        token: resetToken,
        password: `${PASSWORD} ${n}`,
        confirmPassword: `${PASSWORD} ${n}`,
      });
    const replies = await Promise.all([reset(1), reset(2), reset(3)]);
    expect(replies.filter((r) => r.status === 302)).toHaveLength(1);
    expect(replies.every((r) => r.status === 302 || (r.status >= 400 && r.status < 500))).toBe(true);
  });

  it("first enrolment: another pending session cannot replace the owner's authenticator; no JS needed", async () => {
    const email = "race-enrol@example.test";
    expect((await accept(await invite(email))).status).toBe(302);
    const owner = await pendingOf(email);
    const intruder = await pendingOf(email);
    const ownerSecret = await enrolmentSecret(owner);
    const intruderSecret = await enrolmentSecret(intruder);
    expect(intruderSecret).not.toBe(ownerSecret);

    // A plain form post, as a browser without JavaScript sends it, then the page it is sent to.
    const done = await postForm(
      server.url,
      "/sign-in/enrol",
      { csrf: owner.csrf, code: await currentTotp(ownerSecret) },
      { cookie: owner.cookie },
    );
    expect(done.status).toBe(302);
    const codesPage = await getPage(server.url, done.headers.location!, sessionCookieOf(done));
    expect(codesPage.status).toBe(200);
    const codes = [...codesPage.body.matchAll(/<li>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<\/li>/g)].map(
      (m) => m[1],
    );
    expect(codes).toHaveLength(10);
    expect((await getPage(server.url, done.headers.location!, sessionCookieOf(done))).body).not.toContain(codes[0]!);

    // The second session is sent to the second factor of the authenticator that was enrolled, and stays pending.
    const late = await postForm(
      server.url,
      "/sign-in/enrol",
      { csrf: intruder.csrf, code: await currentTotp(intruderSecret) },
      { cookie: intruder.cookie },
    );
    expect(late.status).toBe(302);
    expect(late.headers.location).toBe("/sign-in/mfa");
    expect(late.headers["set-cookie"]).toBeUndefined();
    expect((await getPage(server.url, "/account", intruder.cookie)).headers.location).toMatch(/^\/sign-in\?/);
  });

  it("two pending sessions confirming their own authenticators at once: one enrols, the other is refused", async () => {
    const email = "race-enrol-both@example.test";
    expect((await accept(await invite(email))).status).toBe(302);
    const sessions = [await pendingOf(email), await pendingOf(email)];
    const secrets = [await enrolmentSecret(sessions[0]!), await enrolmentSecret(sessions[1]!)];
    const replies = await Promise.all(
      sessions.map(async (s, i) =>
        postForm(
          server.url,
          "/sign-in/enrol",
          { csrf: s.csrf, code: await currentTotp(secrets[i]!) },
          { cookie: s.cookie },
        ),
      ),
    );
    expect(replies.map((r) => r.headers.location).sort()).toEqual(["/sign-in/enrol", "/sign-in/mfa"]);
    const winner = replies.findIndex((r) => r.headers.location === "/sign-in/enrol");

    // The account keeps the winner's secret: read from the database once the server has stopped.
    await server.stop();
    const key = loadServerKey({ envKey: undefined, dataDir });
    if (!key.ok) throw new Error(key.reason);
    const database = await openDatabase({ location: path.join(dataDir, "closecall.duckdb") });
    try {
      const user = await database.db
        .selectFrom("users")
        .select(["id", "totp_secret"])
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      expect(secretBox(key.key.accountSecretsKey).open(user.totp_secret!, `totp:${user.id}`)).toBe(secrets[winner]);
    } finally {
      await database.close();
    }
  });
});
