import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as profileApi } from "../../app/routes/api.v1.profile";
import * as signOut from "../../app/routes/sign-out";
import { createApiToken, revokeApiToken } from "../../db/api/api-tokens";
import type { OpenDatabase } from "../../db/open";
import { callRoute } from "../support/route-call";
import { createTestAgency, createTestUser, postAs, signInTestUser } from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";

// Signing out and refused API tokens are recorded in the audit log too.

let database: OpenDatabase;
let context: AppLoadContext;
beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database) as AppLoadContext;
});
afterAll(() => database.close());

const entries = (action: string) =>
  database.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("seq").execute();

function apiRequest(token: string): Request {
  return new Request("http://127.0.0.1/api/v1/profile", { headers: { Authorization: `Bearer ${token}` } });
}

describe("audit coverage (issue 15 item 8)", () => {
  it("records a sign-out, by whom", async () => {
    const user = await signInTestUser(database.db, await createTestUser(database.db, "reviewer"));
    const out = await callRoute(signOut.action, postAs("/sign-out", user), context);
    expect(out.status).toBe(302);
    expect(await entries("account.signed_out")).toMatchObject([{ actor_user_id: user.id, target_id: user.id }]);
  });

  it("records refused API tokens with the reason and the token's id when it is ours, never the secret", async () => {
    const agency = await createTestAgency(database.db, "Audit Coverage PD");
    const commander = await createTestUser(database.db, "agency_commander", { agencyId: agency.id });
    const issued = await createApiToken(database.db, commander, { name: "Revoked one", days: 30 });
    await revokeApiToken(database.db, commander, issued.id);
    expect((await callRoute(profileApi, apiRequest(issued.token), context)).status).toBe(401);
    expect((await callRoute(profileApi, apiRequest(`ccapi_${"x".repeat(43)}`), context)).status).toBe(401);
    expect((await callRoute(profileApi, apiRequest("not-a-token"), context)).status).toBe(401);

    const refused = await entries("api_token.refused");
    expect(refused.map((e) => [e.target_id, JSON.parse(e.detail!).problem])).toEqual([
      [issued.id, "revoked"],
      [null, "unknown"],
      [null, "malformed"],
    ]);
    expect(refused.every((e) => e.actor_user_id === null)).toBe(true);
    expect(JSON.stringify(refused)).not.toContain(issued.token.slice(6));
  });
});
