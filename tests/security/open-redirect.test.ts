import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOME_OF_ROLE, safeRedirectPath } from "../../app/auth/redirect-path";
import * as mfa from "../../app/routes/sign-in_.mfa";
import * as signIn from "../../app/routes/sign-in";
import { currentTotp } from "../../db/accounts/mfa";
import { tokenHash } from "../../db/accounts/tokens";
import type { OpenDatabase } from "../../db/open";
import type { Role } from "../../db/schema/user.table";
import { callRoute } from "../support/route-call";
import { createTestUser, getAs, postAs, setSessionCookie, TEST_PASSWORD } from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";

// After a real password + TOTP sign-in, `redirectTo` may only take the
// person to a page of this site; without one, each role lands on its own home page.

const ORIGIN = "http://127.0.0.1";

/** Values as the server receives them (already percent-decoded from the query or form). */
const BYPASSES = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\t\t//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "https://evil.example",
  "http:evil.example",
  "//evil.example/%2e%2e",
  "/.//evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "javascript:alert(1)",
  " /evil.example",
  "/\u0000/evil.example",
  "/\u3002evil.example",
  "/é",
  "/\r\nSet-Cookie: a=b",
  "evil.example",
];

let database: OpenDatabase;
let context: AppLoadContext;
beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database) as AppLoadContext;
});
afterAll(() => database.close());

/** Password and TOTP through the real actions; returns where the browser is sent at the end. */
async function signInAndLand(role: Role, redirectTo: string | undefined): Promise<string> {
  const user = await createTestUser(database.db, role);
  const fields: Record<string, string> = {
    email: user.email,
    password: TEST_PASSWORD,
    ...(redirectTo === undefined ? {} : { redirectTo }),
  };
  const password = await callRoute(signIn.action, postAs("/sign-in", null, fields), context);
  expect(password.status).toBe(302);
  const pendingId = setSessionCookie(password)!;
  const next = new URL(password.location!, ORIGIN);
  const session = await database.db
    .selectFrom("sessions")
    .select("csrf_token")
    .where("id_hash", "=", tokenHash(pendingId))
    .executeTakeFirstOrThrow();
  const pending = { cookie: `__Host-closecall_session=${pendingId}`, csrf: session.csrf_token };
  const page = await callRoute(mfa.loader, getAs(`${next.pathname}${next.search}`, pending), context);
  const code = await currentTotp(user.totpSecret);
  const done = await callRoute(
    mfa.action,
    postAs("/sign-in/mfa", pending, { kind: "totp", code, redirectTo: page.data.redirectTo }),
    context,
  );
  expect(done.status).toBe(302);
  return done.location!;
}

/** What a browser does with a Location: WHATWG parsing strips tabs and newlines and reads `\` as `/`. */
function followedBy(location: string): URL {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  expect(location).not.toMatch(/[\u0000-\u001f\u007f\\]/);
  return new URL(location, `${ORIGIN}/sign-in/mfa`);
}

describe("redirect after sign-in (issue 15 item 1)", () => {
  it.each(BYPASSES.map((v) => [JSON.stringify(v), v]))("%s never leaves the site", async (_label, value) => {
    expect(safeRedirectPath(value)).toBeNull();
    const loaded = await callRoute(
      signIn.loader,
      getAs(`/sign-in?${new URLSearchParams({ redirectTo: value })}`),
      context,
    );
    expect(followedBy(loaded.data.redirectTo || "/").origin).toBe(ORIGIN);
    const landed = followedBy(await signInAndLand("reviewer", value));
    expect(landed.origin).toBe(ORIGIN);
    expect(landed.pathname).toBe("/review");
  });

  it("keeps a same-site path with its query and fragment", async () => {
    expect(safeRedirectPath("/reports?q=knife&page=2#results")).toBe("/reports?q=knife&page=2#results");
    expect(safeRedirectPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(await signInAndLand("agency_analyst", "/reports?q=knife")).toBe("/reports?q=knife");
  });
});

describe("where each role lands without redirectTo (issue 16)", () => {
  it.each(Object.entries(HOME_OF_ROLE))("%s lands on %s", async (role, home) => {
    expect(await signInAndLand(role as Role, undefined)).toBe(home);
  });

  it("a commander lands on the agency dashboard, not on /account", async () => {
    expect(await signInAndLand("agency_commander", undefined)).toBe("/agency");
  });
});
