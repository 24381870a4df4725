import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import * as member from "../../app/routes/agency_.members.$memberId";
import * as members from "../../app/routes/agency_.members._index";
import { findActiveAgencyByPartnerCode } from "../../db/agencies/agency-repository";
import { createInvitation } from "../../db/accounts/invitations";
import type { OpenDatabase } from "../../db/open";
import { callRoute } from "../support/route-call";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";
import {
  createTestAgency,
  createTestUser,
  getAs,
  postAs,
  type SignedInTestUser,
  signInTestUser,
  type TestAgency,
  type TestUser,
} from "../support/test-accounts";

// A commander of agency A tries every id of agency B in URLs and forms: each answers 403/404 and
// nothing of B is shown or changed.
let database: OpenDatabase;
let context: AppLoadContext;
let a: TestAgency;
let b: TestAgency;
let commanderA: SignedInTestUser;
let analystB: TestUser;
let commanderB: TestUser;
let invitationB: string;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database) as AppLoadContext;
  a = await createTestAgency(database.db, "Alpha City Police Department");
  b = await createTestAgency(database.db, "Bravo County Sheriff's Office");
  commanderA = await signInTestUser(
    database.db,
    await createTestUser(database.db, "agency_commander", { agencyId: a.id, email: "commander@alpha.test" }),
  );
  await createTestUser(database.db, "agency_analyst", { agencyId: a.id, email: "analyst@alpha.test" });
  commanderB = await createTestUser(database.db, "agency_commander", { agencyId: b.id, email: "commander@bravo.test" });
  analystB = await createTestUser(database.db, "agency_analyst", { agencyId: b.id, email: "analyst@bravo.test" });
  invitationB = (
    await createInvitation(database.db, {
      email: "new@bravo.test",
      role: "agency_trainer",
      agencyId: b.id,
      invitedBy: commanderB.id,
    })
  ).id;
});
afterAll(() => database.close());

async function statusOf(id: string) {
  return database.db.selectFrom("users").select(["status", "role"]).where("id", "=", id).executeTakeFirstOrThrow();
}

describe("agency scoping across agencies", () => {
  it("the member list shows agency A only", async () => {
    const page = await callRoute(members.loader, getAs("/agency/members", commanderA), context);
    expect(page.status).toBe(200);
    const text = JSON.stringify(page.data);
    expect(text).toContain("analyst@alpha.test");
    expect(text).not.toContain("bravo");
    expect(text).not.toContain(b.name);
  });

  it("a B member's id in the URL answers 404, for reading and for every change", async () => {
    const params = { memberId: analystB.id };
    const page = await callRoute(member.loader, getAs(`/agency/members/${analystB.id}`, commanderA), context, params);
    expect(page.status).toBe(404);
    expect(JSON.stringify(page.data)).not.toContain("bravo");
    for (const form of [{ intent: "role", role: "agency_commander" }, { intent: "remove" }] as Record<
      string,
      string
    >[]) {
      const change = await callRoute(
        member.action,
        postAs(`/agency/members/${analystB.id}`, commanderA, form),
        context,
        params,
      );
      expect(change.status).toBe(404);
    }
    expect(await statusOf(analystB.id)).toEqual({ status: "active", role: "agency_analyst" });
    expect(await statusOf(commanderB.id)).toEqual({ status: "active", role: "agency_commander" });
  });

  it("a B invitation id in a form answers 404 and the invitation stays open", async () => {
    const revoke = await callRoute(
      members.action,
      postAs("/agency/members", commanderA, { intent: "revoke", invitationId: invitationB }),
      context,
    );
    expect(revoke.status).toBe(404);
    const row = await database.db
      .selectFrom("invitations")
      .select("revoked_at")
      .where("id", "=", invitationB)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it("an agency id smuggled into a form is ignored: code rotation and invitations act on A", async () => {
    const rotated = await callRoute(
      members.action,
      postAs("/agency/members", commanderA, { intent: "rotate-code", agencyId: b.id }),
      context,
    );
    expect(rotated.status).toBe(200);
    const newCode = rotated.data.secret.value as string;
    expect((await findActiveAgencyByPartnerCode(database.db, newCode))?.id).toBe(a.id);
    expect((await findActiveAgencyByPartnerCode(database.db, b.partnerCode))?.id).toBe(b.id);

    const invited = await callRoute(
      members.action,
      postAs("/agency/members", commanderA, {
        intent: "invite",
        email: "x@alpha.test",
        role: "agency_analyst",
        agencyId: b.id,
      }),
      context,
    );
    expect(invited.status).toBe(200);
    const invitation = await database.db
      .selectFrom("invitations")
      .select("agency_id")
      .where("email", "=", "x@alpha.test")
      .executeTakeFirstOrThrow();
    expect(invitation.agency_id).toBe(a.id);
  });

  it("leaving the programme with B's name or id in the form affects only A", async () => {
    const wrongName = await callRoute(
      members.action,
      postAs("/agency/members", commanderA, { intent: "leave", confirmName: b.name, agencyId: b.id }),
      context,
    );
    expect(wrongName.status).toBe(400);
    const agencyB = await database.db
      .selectFrom("agencies")
      .select("status")
      .where("id", "=", b.id)
      .executeTakeFirstOrThrow();
    expect(agencyB.status).toBe("active");
    expect(await statusOf(analystB.id)).toEqual({ status: "active", role: "agency_analyst" });
  });
});
