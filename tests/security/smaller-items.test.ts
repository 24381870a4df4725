import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAtomFeed } from "../../app/library/atom-feed.server";
import * as recoveryCodes from "../../app/routes/account_.recovery-codes";
import * as users from "../../app/routes/admin.users._index";
import * as tokens from "../../app/routes/agency_.api-tokens";
import { currentTotp, regenerateRecoveryCodes } from "../../db/accounts/mfa";
import type { OpenDatabase } from "../../db/open";
import { send } from "../support/http-client";
import { callRoute } from "../support/route-call";
import { type RunningServer, startServer } from "../support/run-server";
import { createTestAgency, createTestUser, postAs, signInTestUser, TEST_PASSWORD } from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";

// Smaller items, one test each: feed titles as text, a fresh password or code before new recovery codes
// and API tokens, one Cache-Control on the feed, and links from PUBLIC_URL rather than the Host header.

const PUBLIC_URL = "https://closecall.example.org";
let database: OpenDatabase;
let context: AppLoadContext;
const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-item9-"));
let server: RunningServer;
beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database, { publicUrl: PUBLIC_URL, publicUrlConfigured: true }) as AppLoadContext;
  server = await startServer({ DATA_DIR: dataDir, NODE_ENV: "production", PUBLIC_URL });
});
afterAll(async () => {
  await database.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A POST as `who` that arrived with a Host header an attacker chose. */
function fromEvilHost(request: Request): Request {
  const url = new URL(request.url);
  url.host = "evil.example";
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    duplex: "half",
  } as RequestInit);
}

describe("smaller items (issue 15 item 9)", () => {
  it("writes feed titles as text: markup in a title reaches no feed reader as markup", () => {
    const xml = buildAtomFeed(
      [
        {
          publicNumber: "2026-00001",
          title: "Knife <img src=x onerror=alert(1)> at a <b>stop</b>",
          summary: "s",
          lessons: "l",
          incidentType: "traffic_stop",
          lossPotential: "fatality",
          publishedMonth: "2026-03",
        },
      ],
      PUBLIC_URL,
    );
    expect(xml).not.toMatch(/<img|<b>/);
    expect(xml).toContain("Knife &lt;img src=x onerror=alert(1)&gt; at a &lt;b&gt;stop&lt;/b&gt;");
  });

  it("new recovery codes need a fresh password or TOTP code", async () => {
    const user = await createTestUser(database.db, "reviewer");
    const [oldCode] = await regenerateRecoveryCodes(database.db, user.id);
    const who = await signInTestUser(database.db, user);
    const without = await callRoute(recoveryCodes.action, postAs("/account/recovery-codes", who), context);
    expect(without.status).toBe(400);
    expect(without.data.codes).toBeNull();
    const wrong = await callRoute(
      recoveryCodes.action,
      postAs("/account/recovery-codes", who, { confirm: "not my password at all" }),
      context,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.confirm).toMatch(/not your password/);
    const stored = await database.db
      .selectFrom("recovery_codes")
      .select("code_hash")
      .where("user_id", "=", user.id)
      .execute();
    expect(stored).toHaveLength(10); // the old codes still stand
    expect(oldCode).toBeDefined();

    const withPassword = await callRoute(
      recoveryCodes.action,
      postAs("/account/recovery-codes", who, { confirm: TEST_PASSWORD }),
      context,
    );
    expect(withPassword.data.codes).toHaveLength(10);
    const withCode = await callRoute(
      recoveryCodes.action,
      postAs("/account/recovery-codes", who, { confirm: await currentTotp(user.totpSecret) }),
      context,
    );
    expect(withCode.data.codes).toHaveLength(10);
    const failures = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("actor_user_id", "=", user.id)
      .where("action", "=", "account.reauthentication_failed")
      .execute();
    expect(failures).toHaveLength(1);
  });

  it("a new API token needs a fresh password or TOTP code", async () => {
    const agency = await createTestAgency(database.db, "Item Nine PD");
    const commander = await signInTestUser(
      database.db,
      await createTestUser(database.db, "agency_commander", { agencyId: agency.id }),
    );
    const fields = { intent: "create", name: "Roll-call slides", days: "30" };
    const without = await callRoute(tokens.action, postAs("/agency/api-tokens", commander, fields), context);
    expect(without.status).toBe(400);
    expect(without.data.errors.confirm).toBeDefined();
    expect(
      await database.db.selectFrom("api_tokens").select("id").where("agency_id", "=", agency.id).execute(),
    ).toEqual([]);
    const created = await callRoute(
      tokens.action,
      postAs("/agency/api-tokens", commander, { ...fields, confirm: TEST_PASSWORD }),
      context,
    );
    expect(created.data.secret.value).toMatch(/^ccapi_/);
  });

  it("sends one Cache-Control with the feed, builds its links from PUBLIC_URL whatever the Host says", async () => {
    const feed = await send(server.url, { path: "/reports/feed.atom", headers: { Host: "evil.example" } });
    expect(feed.status).toBe(200);
    expect(feed.headers["cache-control"]).toBe("public, max-age=900");
    expect(feed.body).toContain(`<id>${PUBLIC_URL}/reports</id>`);
    expect(feed.body).not.toContain("evil.example");
  });

  it("builds one-time links (invitations, password resets) from PUBLIC_URL, not from the Host header", async () => {
    const admin = await signInTestUser(database.db, await createTestUser(database.db, "administrator"));
    const invited = await callRoute(
      users.action,
      fromEvilHost(postAs("/admin/users", admin, { intent: "invite", email: "links@example.test", role: "reviewer" })),
      context,
    );
    expect(invited.data.invited.link).toMatch(new RegExp(`^${PUBLIC_URL}/invitations/accept\\?token=`));
  });
});
