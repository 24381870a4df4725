import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "../../app/auth/session-user.server";
import type { AppLoadContext } from "@remix-run/node";
import * as enrol from "../../app/routes/sign-in_.enrol";
import * as mfa from "../../app/routes/sign-in_.mfa";
import * as signIn from "../../app/routes/sign-in";
import { currentTotp, regenerateRecoveryCodes, sealTotpSecret } from "../../db/accounts/mfa";
import { tokenHash } from "../../db/accounts/tokens";
import type { OpenDatabase } from "../../db/open";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../db/synthetic/demo-accounts";
import { hashPassword } from "../../db/security/password";
import { callRoute } from "../support/route-call";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";
import { testSecretBox } from "../support/test-server-key";
import {
  createTestUser,
  getAs,
  postAs,
  setSessionCookie,
  TEST_PASSWORD,
  type TestUser,
} from "../support/test-accounts";

let database: OpenDatabase;
let context: AppLoadContext;
beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database) as AppLoadContext;
});
afterAll(() => database.close());

const cookieFor = (id: string) => ({ cookie: `__Host-closecall_session=${id}` });

async function passwordStep(user: { email: string }, password = TEST_PASSWORD, existingCookie?: string) {
  const request = postAs("/sign-in", null, { email: user.email, password, redirectTo: "/account" });
  if (existingCookie) request.headers.set("Cookie", existingCookie);
  return callRoute(signIn.action, request, context);
}

async function pendingSessionOf(user: TestUser) {
  const step = await passwordStep(user);
  const id = setSessionCookie(step)!;
  const session = await database.db
    .selectFrom("sessions")
    .selectAll()
    .where("id_hash", "=", tokenHash(id))
    .executeTakeFirstOrThrow();
  return { id, csrf: session.csrf_token, cookie: cookieFor(id).cookie };
}

describe("sign-in with password and TOTP", () => {
  it("sets a __Host- cookie (Secure, HttpOnly, SameSite=Lax, 256-bit id), rotated after the 2nd factor", async () => {
    const user = await createTestUser(database.db, "reviewer");
    const step = await passwordStep(user);
    expect(step.status).toBe(302);
    expect(step.location).toBe("/sign-in/mfa?redirectTo=%2Faccount");
    const setCookie = step.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^__Host-closecall_session=[A-Za-z0-9_-]{43}; Path=\/; Secure; HttpOnly; SameSite=Lax/);
    expect(setCookie).not.toMatch(/Domain=/i);
    const pendingId = setSessionCookie(step)!;
    expect(Buffer.from(pendingId, "base64url")).toHaveLength(32);

    // The pending session is not signed in yet.
    expect(await getSessionUser(getAs("/account", cookieFor(pendingId)), context)).toBeNull();
    const stored = await database.db.selectFrom("sessions").selectAll().where("user_id", "=", user.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id_hash).toBe(tokenHash(pendingId));
    expect(stored[0]!.id_hash).not.toContain(pendingId);

    const csrf = stored[0]!.csrf_token;
    const verified = await callRoute(
      mfa.action,
      postAs(
        "/sign-in/mfa",
        { ...cookieFor(pendingId), csrf },
        { kind: "totp", code: await currentTotp(user.totpSecret), redirectTo: "/account" },
      ),
      context,
    );
    expect(verified.status).toBe(302);
    expect(verified.location).toBe("/account");
    const signedInId = setSessionCookie(verified)!;
    expect(signedInId).not.toBe(pendingId);
    expect(await getSessionUser(getAs("/account", cookieFor(signedInId)), context)).toMatchObject({
      id: user.id,
      role: "reviewer",
    });
    expect(await getSessionUser(getAs("/account", cookieFor(pendingId)), context)).toBeNull();
    const audit = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("actor_user_id", "=", user.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("sign_in.succeeded");
  });

  it("signing in again replaces the browser's previous session (new id at every sign-in)", async () => {
    const user = await createTestUser(database.db, "reviewer");
    const first = await pendingSessionOf(user);
    const again = await passwordStep(user, TEST_PASSWORD, first.cookie);
    const secondId = setSessionCookie(again)!;
    expect(secondId).not.toBe(first.id);
    const rows = await database.db.selectFrom("sessions").select("id_hash").where("user_id", "=", user.id).execute();
    expect(rows.map((r) => r.id_hash)).toEqual([tokenHash(secondId)]);
  });

  it("answers a wrong password with one message, records it, and slows down after 5 attempts (429)", async () => {
    const user = await createTestUser(database.db, "agency_analyst");
    const wrong = await passwordStep(user, "not the password at all");
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.form).toBe("Wrong email or password.");
    const unknown = await passwordStep({ email: "nobody@example.test" }, "not the password at all");
    expect(unknown.data.errors.form).toBe("Wrong email or password.");
    for (let i = 0; i < 4; i++) expect((await passwordStep(user, "still not the password")).status).toBe(400);
    const limited = await passwordStep(user, TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
    const failures = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "sign_in.failed")
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses a TOTP code that was already used (replay), and accepts a recovery code once", async () => {
    const user = await createTestUser(database.db, "national_analyst");
    const code = await currentTotp(user.totpSecret);
    const first = await pendingSessionOf(user);
    const ok = await callRoute(mfa.action, postAs("/sign-in/mfa", first, { kind: "totp", code }), context);
    expect(ok.status).toBe(302);

    const second = await pendingSessionOf(user);
    const replay = await callRoute(mfa.action, postAs("/sign-in/mfa", second, { kind: "totp", code }), context);
    expect(replay.status).toBe(400);
    expect(replay.data.errors.code).toMatch(/already used/);

    const [recovery] = await regenerateRecoveryCodes(database.db, user.id);
    const withRecovery = await callRoute(
      mfa.action,
      postAs("/sign-in/mfa", second, { kind: "recovery", code: recovery!.toLowerCase() }),
      context,
    );
    expect(withRecovery.status).toBe(302);
    const third = await pendingSessionOf(user);
    const reused = await callRoute(
      mfa.action,
      postAs("/sign-in/mfa", third, { kind: "recovery", code: recovery! }),
      context,
    );
    expect(reused.status).toBe(400);
  });

  it("enrols TOTP at first sign-in: set-up key, first code, recovery codes shown once, session rotated", async () => {
    const user = await createTestUser(database.db, "agency_trainer", { enrolled: false });
    const step = await passwordStep(user);
    expect(step.location).toBe("/sign-in/enrol?redirectTo=%2Faccount");
    const pending = await pendingSessionOf(user);
    expect((await callRoute(mfa.loader, getAs("/sign-in/mfa", pending), context)).location).toMatch(
      /^\/sign-in\/enrol/,
    );
    const page = await callRoute(enrol.loader, getAs("/sign-in/enrol", pending), context);
    expect(page.data.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = page.data.secret.replace(/ /g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await callRoute(enrol.action, postAs("/sign-in/enrol", pending, { code: "000000" }), context);
    expect(wrong.status).toBe(400);
    const done = await callRoute(
      enrol.action,
      postAs("/sign-in/enrol", pending, { code: await currentTotp(secret), redirectTo: "/account" }),
      context,
    );
    expect(done.status).toBe(302);
    expect(done.location).toBe("/sign-in/enrol?redirectTo=%2Faccount");
    const newId = setSessionCookie(done)!;
    expect(newId).not.toBe(pending.id);
    expect(await getSessionUser(getAs("/account", cookieFor(newId)), context)).toMatchObject({ id: user.id });
    // The page the redirect leads to shows the codes once.
    const shown = await callRoute(enrol.loader, getAs(done.location!, cookieFor(newId)), context);
    expect(shown.data.recoveryCodes).toHaveLength(10);
    expect(shown.data.next).toBe("/account");
    expect(
      (await callRoute(enrol.loader, getAs(done.location!, cookieFor(newId)), context)).data.recoveryCodes,
    ).toBeNull();
    const stored = await database.db
      .selectFrom("recovery_codes")
      .select("code_hash")
      .where("user_id", "=", user.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash).join()).not.toContain(shown.data.recoveryCodes[0]);
  });

  it("demo accounts sign in through MFA with the demo secret in demo mode, and are refused outside it", async () => {
    const demoHash = await hashPassword(DEMO_PASSWORD);
    const id = crypto.randomUUID();
    await database.db
      .insertInto("users")
      .values({
        id,
        email: "reviewer1@demo.closecall.test",
        display_name: "Reviewer One",
        password_hash: demoHash,
        role: "reviewer",
        agency_id: null,
        status: "active",
        is_demo: true,
        totp_secret: sealTotpSecret(testSecretBox, id, DEMO_TOTP_SECRET),
        mfa_enrolled_at: new Date(),
        failed_sign_ins: 0,
        locked_until: null,
        created_at: new Date(),
        last_sign_in_at: null,
        totp_last_step: null,
        password_changed_at: null,
      })
      .execute();
    const demo = { email: "reviewer1@demo.closecall.test" };
    const step = await callRoute(
      signIn.action,
      postAs("/sign-in", null, { ...demo, password: DEMO_PASSWORD }),
      context,
    );
    expect(step.location).toMatch(/^\/sign-in\/mfa/);
    const pendingId = setSessionCookie(step)!;
    const row = await database.db
      .selectFrom("sessions")
      .select("csrf_token")
      .where("id_hash", "=", tokenHash(pendingId))
      .executeTakeFirstOrThrow();
    const done = await callRoute(
      mfa.action,
      postAs(
        "/sign-in/mfa",
        { ...cookieFor(pendingId), csrf: row.csrf_token },
        { kind: "totp", code: await currentTotp(DEMO_TOTP_SECRET) },
      ),
      context,
    );
    expect(done.status).toBe(302);
    const signedIn = setSessionCookie(done)!;

    const production = { ...context, config: { ...context.config, env: "production" as const, demo: false } };
    const refused = await callRoute(
      signIn.action,
      postAs("/sign-in", null, { ...demo, password: DEMO_PASSWORD }),
      production,
    );
    expect(refused.status).toBe(400);
    expect(refused.data.errors.form).toMatch(/Demo accounts are turned off/);
    // A demo session that outlived a switch to production is not honoured either.
    expect(await getSessionUser(getAs("/account", cookieFor(signedIn)), production)).toBeNull();
  });
});
