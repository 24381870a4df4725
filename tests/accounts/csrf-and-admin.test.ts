import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "../../app/auth/session-user.server";
import type { AppLoadContext } from "@remix-run/node";
import * as account from "../../app/routes/account";
import * as userDetail from "../../app/routes/admin.users.$userId";
import * as users from "../../app/routes/admin.users._index";
import * as passwordReset from "../../app/routes/password-reset";
import * as signOut from "../../app/routes/sign-out";
import { authenticate } from "../../db/accounts/users";
import type { OpenDatabase } from "../../db/open";
import { callRoute } from "../support/route-call";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";
import {
  createTestUser,
  getAs,
  postAs,
  type SignedInTestUser,
  signInTestUser,
  TEST_PASSWORD,
} from "../support/test-accounts";

let database: OpenDatabase;
let context: AppLoadContext;
let admin: SignedInTestUser;
let reviewer: SignedInTestUser;
beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database) as AppLoadContext;
  admin = await signInTestUser(database.db, await createTestUser(database.db, "administrator"));
  reviewer = await signInTestUser(database.db, await createTestUser(database.db, "reviewer"));
});
afterAll(() => database.close());

const newPassword = {
  intent: "change-password",
  currentPassword: TEST_PASSWORD,
  password: "violet lantern harbour",
  confirmPassword: "violet lantern harbour",
};

describe("CSRF tokens", () => {
  it("an authenticated form without the session's token is refused (403) and changes nothing", async () => {
    const missing = postAs("/account", null, newPassword);
    missing.headers.set("Cookie", reviewer.cookie);
    expect((await callRoute(account.action, missing, context)).status).toBe(403);
    const wrong = await callRoute(
      account.action,
      postAs("/account", { ...reviewer, csrf: admin.csrf }, newPassword),
      context,
    );
    expect(wrong.status).toBe(403);
    expect((await authenticate(database.db, reviewer.email, TEST_PASSWORD, { allowDemo: true })).ok).toBe(true);
    const denied = await database.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "permission.denied")
      .where("actor_user_id", "=", reviewer.id)
      .execute();
    expect(denied.map((d) => JSON.parse(d.detail!).why)).toEqual(["csrf", "csrf"]);
  });

  it("with the token the same form works", async () => {
    const weak = await callRoute(
      account.action,
      postAs("/account", reviewer, { ...newPassword, password: "password1234", confirmPassword: "password1234" }),
      context,
    );
    expect(weak.status).toBe(400);
    expect(weak.data.errors.password).toMatch(/common/);
    const ok = await callRoute(account.action, postAs("/account", reviewer, newPassword), context);
    expect(ok.status).toBe(200);
    expect((await authenticate(database.db, reviewer.email, "violet lantern harbour", { allowDemo: true })).ok).toBe(
      true,
    );
  });

  it("signing out needs the token too", async () => {
    const who = await signInTestUser(database.db, await createTestUser(database.db, "national_analyst"));
    const forged = await callRoute(signOut.action, postAs("/sign-out", { ...who, csrf: "forged" }), context);
    expect(forged.status).toBe(403);
    expect(await getSessionUser(getAs("/", who), context)).not.toBeNull();
    const real = await callRoute(signOut.action, postAs("/sign-out", who), context);
    expect(real.location).toBe("/");
    expect(real.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await getSessionUser(getAs("/", who), context)).toBeNull();
  });
});

describe("administrator user management", () => {
  it("a reviewer is refused the user list (403) and the denial is audited", async () => {
    const denied = await callRoute(users.loader, getAs("/admin/users", reviewer), context);
    expect(denied.status).toBe(403);
    const row = await database.db
      .selectFrom("audit_log")
      .select(["target_id", "detail"])
      .where("action", "=", "permission.denied")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ target_id: "/admin/users", detail: JSON.stringify({ why: "manage:user:any" }) });
  });

  it("disabling an account ends its sessions at once", async () => {
    const target = await signInTestUser(database.db, await createTestUser(database.db, "reviewer"));
    const done = await callRoute(
      userDetail.action,
      postAs(`/admin/users/${target.id}`, admin, { intent: "disable" }),
      context,
      { userId: target.id },
    );
    expect(done.data.ok).toBe(true);
    expect(await getSessionUser(getAs("/account", target), context)).toBeNull();
    expect((await authenticate(database.db, target.email, TEST_PASSWORD, { allowDemo: true })).ok).toBe(false);
  });

  it("an administrator cannot demote or disable themselves", async () => {
    const self = await callRoute(
      userDetail.action,
      postAs(`/admin/users/${admin.id}`, admin, { intent: "role", role: "reviewer" }),
      context,
      { userId: admin.id },
    );
    expect(self.data.ok).toBe(false);
    const row = await database.db
      .selectFrom("users")
      .select("role")
      .where("id", "=", admin.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe("administrator");
  });

  it("issues a one-time reset link that sets a new password once and signs the person out", async () => {
    const target = await signInTestUser(
      database.db,
      await createTestUser(database.db, "agency_analyst", { agencyId: crypto.randomUUID() }),
    );
    const issued = await callRoute(
      userDetail.action,
      postAs(`/admin/users/${target.id}`, admin, { intent: "reset-password", resetMfa: "on" }),
      context,
      { userId: target.id },
    );
    const token = new URL(issued.data.resetLink).searchParams.get("token")!;
    expect(await getSessionUser(getAs("/account", target), context)).toBeNull();
    const mfa = await database.db
      .selectFrom("users")
      .select("mfa_enrolled_at")
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(mfa.mfa_enrolled_at).toBeNull();
    const page = await callRoute(passwordReset.loader, getAs(`/password-reset?token=${token}`), context);
    expect(page.data.email).toBe(target.email);
    const mismatch = await callRoute(
      passwordReset.action,
      postAs("/password-reset", null, { token, password: "a new long password", confirmPassword: "another one" }),
      context,
    );
    expect(mismatch.data.errors.confirmPassword).toMatch(/not the same/);
    const done = await callRoute(
      passwordReset.action,
      postAs("/password-reset", null, {
        token,
        password: "a new long password",
        confirmPassword: "a new long password",
      }),
      context,
    );
    expect(done.location).toBe("/sign-in?reset=1");
    expect((await authenticate(database.db, target.email, "a new long password", { allowDemo: true })).ok).toBe(true);
    expect((await callRoute(passwordReset.loader, getAs(`/password-reset?token=${token}`), context)).status).toBe(404);
  });
});
