import { refreshReportInRollups } from "../../analytics/rollups/refresh-report";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "../../app/auth/session-user.server";
import type { AppLoadContext } from "@remix-run/node";
import * as acceptRoute from "../../app/routes/invitations.accept";
import * as apply from "../../app/routes/partners.apply";
import * as enrolments from "../../app/routes/admin.enrolments";
import * as members from "../../app/routes/agency_.members._index";
import * as signIn from "../../app/routes/sign-in";
import { findActiveAgencyByPartnerCode } from "../../db/agencies/agency-repository";
import { verifyAuditChain } from "../../db/audit/audit-log";
import type { OpenDatabase } from "../../db/open";
import { callRoute } from "../support/route-call";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";
import {
  createTestUser,
  getAs,
  postAs,
  setSessionCookie,
  type SignedInTestUser,
  signInTestUser,
} from "../support/test-accounts";

let database: OpenDatabase;
let context: AppLoadContext;
let admin: SignedInTestUser;
beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database) as AppLoadContext;
  admin = await signInTestUser(database.db, await createTestUser(database.db, "administrator"));
});
afterAll(() => database.close());

const application = {
  agencyName: "Cedar Falls Police Department",
  state: "IA",
  sizeBand: "25-99",
  contactName: "Dana Cedar",
  contactEmail: "dana@cedarfalls.test",
};

describe("agency partnership programme", () => {
  let partnerCode = "";
  let commander: SignedInTestUser;

  it("an application with errors comes back with field errors and the input kept", async () => {
    const bad = await callRoute(
      apply.action,
      postAs("/partners/apply", null, { ...application, state: "XX", contactEmail: "not-an-email" }),
      context,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({ state: expect.any(String), contactEmail: "Enter a valid email address." });
    expect(bad.data.values.agencyName).toBe(application.agencyName);
  });

  it("apply → administrator approves → partner code works → applicant accepts the link as commander", async () => {
    expect((await callRoute(apply.action, postAs("/partners/apply", null, application), context)).data.submitted).toBe(
      true,
    );
    const duplicate = await callRoute(apply.action, postAs("/partners/apply", null, application), context);
    expect(duplicate.status).toBe(400);

    const queue = await callRoute(enrolments.loader, getAs("/admin/enrolments", admin), context);
    const pending = queue.data.applications.find((x: { name: string }) => x.name === application.agencyName);
    expect(pending).toBeDefined();
    const approved = await callRoute(
      enrolments.action,
      postAs("/admin/enrolments", admin, { intent: "approve", agencyId: pending.id }),
      context,
    );
    expect(approved.status).toBe(200);
    partnerCode = approved.data.decided.partnerCode;
    expect((await findActiveAgencyByPartnerCode(database.db, partnerCode))?.name).toBe(application.agencyName);
    const stored = await database.db
      .selectFrom("agencies")
      .select("partner_code_hash")
      .where("id", "=", pending.id)
      .executeTakeFirstOrThrow();
    expect(stored.partner_code_hash).not.toContain(partnerCode.replace(/-/g, ""));

    const token = new URL(approved.data.decided.link).searchParams.get("token")!;
    const page = await callRoute(acceptRoute.loader, getAs(`/invitations/accept?token=${token}`), context);
    expect(page.data).toMatchObject({
      email: application.contactEmail,
      role: "Agency commander",
      agencyName: application.agencyName,
    });
    const weak = await callRoute(
      acceptRoute.action,
      postAs("/invitations/accept", null, {
        token,
        displayName: "Dana Cedar",
        password: "qwerty123456",
        confirmPassword: "qwerty123456",
      }),
      context,
    );
    expect(weak.status).toBe(400);
    expect(weak.data.errors.password).toMatch(/common/);
    const accepted = await callRoute(
      acceptRoute.action,
      postAs("/invitations/accept", null, {
        token,
        displayName: "Dana Cedar",
        password: "cedar falls river walk",
        confirmPassword: "cedar falls river walk",
      }),
      context,
    );
    expect(accepted.location).toBe("/sign-in?welcome=1");
    const reused = await callRoute(acceptRoute.loader, getAs(`/invitations/accept?token=${token}`), context);
    expect(reused.status).toBe(404);

    const step = await callRoute(
      signIn.action,
      postAs("/sign-in", null, { email: application.contactEmail, password: "cedar falls river walk" }),
      context,
    );
    expect(step.location).toMatch(/^\/sign-in\/enrol/);
    expect(setSessionCookie(step)).not.toBeNull();
    const user = await database.db
      .selectFrom("users")
      .select(["id", "role", "agency_id"])
      .where("email", "=", application.contactEmail)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "agency_commander", agency_id: pending.id });
    commander = await signInTestUser(database.db, {
      id: user.id,
      email: application.contactEmail,
      role: "agency_commander",
      agencyId: pending.id,
      totpSecret: "",
    });
  });

  it("rotating the partner code stops the old code at once", async () => {
    const rotated = await callRoute(
      members.action,
      postAs("/agency/members", commander, { intent: "rotate-code" }),
      context,
    );
    const newCode = rotated.data.secret.value as string;
    expect(newCode).not.toBe(partnerCode);
    expect(await findActiveAgencyByPartnerCode(database.db, partnerCode)).toBeUndefined();
    expect((await findActiveAgencyByPartnerCode(database.db, newCode))?.name).toBe(application.agencyName);
    partnerCode = newCode;
  });

  it("invites a member by one-time link; leaving the programme unlinks reports and disables every member", async () => {
    const invited = await callRoute(
      members.action,
      postAs("/agency/members", commander, {
        intent: "invite",
        email: "trainer@cedarfalls.test",
        role: "agency_trainer",
      }),
      context,
    );
    const token = new URL(invited.data.secret.value).searchParams.get("token")!;
    await callRoute(
      acceptRoute.action,
      postAs("/invitations/accept", null, {
        token,
        displayName: "Tess Trainer",
        password: "training day at the range",
        confirmPassword: "training day at the range",
      }),
      context,
    );
    const trainer = await database.db
      .selectFrom("users")
      .select(["id", "agency_id"])
      .where("email", "=", "trainer@cedarfalls.test")
      .executeTakeFirstOrThrow();
    expect(trainer.agency_id).toBe(commander.agencyId);
    const trainerSession = await signInTestUser(database.db, {
      id: trainer.id,
      email: "trainer@cedarfalls.test",
      role: "agency_trainer",
      agencyId: commander.agencyId,
      totpSecret: "",
    });

    // A published report linked to the agency, already in the analytics rollups.
    const reportId = crypto.randomUUID();
    await database.db
      .insertInto("reports")
      .values({
        id: reportId,
        public_number: "2026-00042",
        taxonomy_version: 1,
        title: "Linked report",
        summary: "De-identified.",
        lessons: "Lesson.",
        incident_type: "traffic_stop",
        loss_potential: "serious_injury",
        event_month: "2026-05-01",
        time_block: null,
        light: null,
        weather: null,
        officers_band: null,
        assignment: null,
        service_band: null,
        census_region: "midwest",
        published_month: "2026-07-01",
      })
      .execute();
    await database.db
      .insertInto("report_factors")
      .values({ report_id: reportId, factor_code: "hc_low_light" })
      .execute();
    await database.db
      .insertInto("report_protected")
      .values({
        report_id: reportId,
        state: "IA",
        agency_id: commander.agencyId,
        agency_size_band: "25-99",
        consent_level: "agency_stats",
      })
      .execute();
    await refreshReportInRollups(database.db, reportId);
    const rollupAgency = () =>
      database.db
        .selectFrom("analytics_reports")
        .select("agency_id")
        .where("report_id", "=", reportId)
        .executeTakeFirstOrThrow();
    expect((await rollupAgency()).agency_id).toBe(commander.agencyId);

    const left = await callRoute(
      members.action,
      postAs("/agency/members", commander, { intent: "leave", confirmName: application.agencyName }),
      context,
    );
    expect(left.location).toBe("/");
    expect(await findActiveAgencyByPartnerCode(database.db, partnerCode)).toBeUndefined();
    const report = await database.db
      .selectFrom("report_protected")
      .select("agency_id")
      .where("report_id", "=", reportId)
      .executeTakeFirstOrThrow();
    expect(report.agency_id).toBeNull();
    expect((await rollupAgency()).agency_id).toBeNull(); // the analytics rollups were refreshed too
    const statuses = await database.db
      .selectFrom("users")
      .select("status")
      .where("agency_id", "=", commander.agencyId)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(["disabled", "disabled"]);
    expect(await getSessionUser(getAs("/account", trainerSession), context)).toBeNull();
    expect(await getSessionUser(getAs("/account", commander), context)).toBeNull();

    const actions = (await database.db.selectFrom("audit_log").select("action").orderBy("seq").execute()).map(
      (r) => r.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "agency.applied",
        "agency.approved",
        "account.created",
        "agency.partner_code_rotated",
        "invitation.created",
        "agency.left",
      ]),
    );
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
