import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import type { OpenDatabase } from "../../db/open";
import * as queueRoute from "../../app/routes/review._index";
import * as publishRoute from "../../app/routes/review.publish";
import * as workspaceRoute from "../../app/routes/review.$submissionId";
import { callRoute } from "../support/route-call";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";
import { createTestUser, getAs, postAs, signInTestUser, type SignedInTestUser } from "../support/test-accounts";
import { submitTestReport, testServerKey } from "./review-fixtures";

let database: OpenDatabase;
let context: AppLoadContext;
const { key, text } = testServerKey();
let first: SignedInTestUser;
let second: SignedInTestUser;
let admin: SignedInTestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database, { intakeKey: text }) as AppLoadContext;
  first = await signInTestUser(database.db, await createTestUser(database.db, "reviewer"));
  second = await signInTestUser(database.db, await createTestUser(database.db, "reviewer"));
  admin = await signInTestUser(database.db, await createTestUser(database.db, "administrator"));
});
afterAll(() => database.close());

const post = (id: string, who: SignedInTestUser, fields: Record<string, string>) =>
  callRoute(workspaceRoute.action, postAs(`/review/${id}`, who, fields), context, { submissionId: id });

describe("review routes", () => {
  it("takes a report from the queue through both stages to the publication button", async () => {
    const created = await submitTestReport(database.db, key);
    const queue = await callRoute(queueRoute.loader, getAs("/review?state=new", first), context);
    expect(queue.data.queue.counts.new).toBe(1);
    expect(queue.data.queue.rows[0]).toMatchObject({
      id: created.id,
      title: "Knife missed at 1423 W. Maple Ave",
      holder: null,
    });

    expect((await post(created.id, first, { intent: "claim" })).status).toBe(200);
    const other = await post(created.id, second, { intent: "claim" });
    expect(other.status).toBe(409);
    expect(other.data.message).toMatch(/Another reviewer holds/);

    // Bad coding: 400 with field errors and the input given back.
    const bad = await post(created.id, first, {
      intent: "coding",
      incidentType: "traffic_stop",
      lossPotential: "",
      eventMonth: "2024-03-14",
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({
      factors: "Choose at least one contributing factor.",
      lossPotential: expect.any(String),
      eventMonth: expect.stringContaining("never a day"),
    });
    expect(bad.data.values).toMatchObject({ incidentType: "traffic_stop", eventMonth: "2024-03-14" });

    // Blocked while findings are open.
    const early = await post(created.id, first, { intent: "submit" });
    expect(early.status).toBe(400);
    expect(early.data.message).toMatch(/still to decide/);

    expect((await post(created.id, first, { intent: "finding-all" })).status).toBe(200);
    expect(
      (await post(created.id, first, { intent: "mark", text: "the card", type: "LOCATION", replacement: "form" }))
        .status,
    ).toBe(200);
    const page = await callRoute(workspaceRoute.loader, getAs(`/review/${created.id}`, first), context, {
      submissionId: created.id,
    });
    expect(page.data.ws.blockers).toEqual([]);
    expect(page.data.ws.draft.summary).toContain("[form]");
    expect(
      page.data.segments.narrative.some((s: { finding?: { status: string } }) => s.finding?.status === "accepted"),
    ).toBe(true);
    expect((await post(created.id, first, { intent: "submit" })).status).toBe(200);

    // The stage-1 reviewer cannot approve; the second can.
    const own = await post(created.id, first, { intent: "claim" });
    expect(own.status).toBe(409);
    expect(own.data.message).toMatch(/different reviewer/);
    expect((await post(created.id, second, { intent: "claim" })).status).toBe(200);
    expect((await post(created.id, first, { intent: "approve" })).status).toBe(409);
    expect((await post(created.id, second, { intent: "approve" })).status).toBe(200);

    // An administrator presses "publish the batch now".
    const batchPage = await callRoute(publishRoute.loader, getAs("/review/publish", admin), context);
    expect(batchPage.data.approved).toBe(1);
    const published = await callRoute(publishRoute.action, postAs("/review/publish", admin), context);
    expect(published.data.published).toHaveLength(1);
    const audit = await database.db.selectFrom("audit_log").select(["action", "actor_user_id"]).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "review.claimed",
        "review.draft_saved",
        "review.stage1_submitted",
        "review.approved",
        "report.published",
        "publication.batch_run",
      ]),
    );
  });

  it("lists the queue for triage: title, days waiting, incident type and loss potential, no raw ids", async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const created = await submitTestReport(database.db, key, {
      payload: {
        narrative: `${"Triage columns narrative. ".repeat(4)}`,
        incidentType: "traffic_stop",
        lossPotential: "fatality",
      },
      receivedOn: daysAgo(3),
    });
    const queue = await callRoute(queueRoute.loader, getAs("/review?state=new", first), context);
    expect(queue.data.queue.rows.find((r: { id: string }) => r.id === created.id)).toMatchObject({
      title: "Knife missed at 1423 W. Maple Ave",
      ageDays: 3,
      incidentType: "traffic_stop",
      lossPotential: "fatality",
    });
  });

  it("offers the likely originals as choices when marking a duplicate, and still takes another id", async () => {
    const narrative =
      "The same close call sent three times: a pat-down stopped at the first knife, the second found at the jail.";
    const original = await submitTestReport(database.db, key, {
      payload: { narrative, title: "First copy" },
      receivedOn: "2026-01-02",
    });
    const second = await submitTestReport(database.db, key, {
      payload: { narrative, title: "Second copy" },
      receivedOn: "2026-01-05",
    });
    const third = await submitTestReport(database.db, key, { payload: { narrative, title: "Third copy" } });
    const unrelated = await submitTestReport(database.db, key, {
      payload: { narrative: `${narrative} Not the same.` },
    });
    const page = await callRoute(workspaceRoute.loader, getAs(`/review/${third.id}`, first), context, {
      submissionId: third.id,
    });
    expect(page.data.ws.duplicateCandidates).toEqual([
      { id: original.id, receivedOn: "2026-01-02", title: "First copy", state: "new" },
      { id: second.id, receivedOn: "2026-01-05", title: "Second copy", state: "new" },
    ]);
    expect((await post(third.id, first, { intent: "claim" })).status).toBe(200);
    const bad = await post(third.id, first, { intent: "duplicate", primaryId: "other", otherId: "not-an-id" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.primaryId).toMatch(/Paste the id/);
    expect(bad.data.values).toMatchObject({ primaryId: "other", otherId: "not-an-id" });
    expect((await post(third.id, first, { intent: "duplicate", primaryId: second.id })).status).toBe(200);
    const merged = await database.db
      .selectFrom("submissions")
      .select("duplicate_of")
      .where("id", "=", third.id)
      .executeTakeFirstOrThrow();
    expect(merged.duplicate_of).toBe(second.id);
    // Once the second copy is merged, the first copy's choices name the report it was merged into, once.
    const next = await callRoute(workspaceRoute.loader, getAs(`/review/${original.id}`, first), context, {
      submissionId: original.id,
    });
    expect(next.data.ws.duplicateCandidates.map((c: { id: string }) => c.id)).toEqual([second.id]);
    // Another submission by its id, when the likely originals are not the one.
    expect((await post(unrelated.id, first, { intent: "claim" })).status).toBe(200);
    expect(
      (await post(unrelated.id, first, { intent: "duplicate", primaryId: "other", otherId: original.id })).status,
    ).toBe(200);
  });

  it("answers 404 for an unknown submission and 400 for an unknown intent", async () => {
    const unknown = crypto.randomUUID();
    expect(
      (await callRoute(workspaceRoute.loader, getAs(`/review/${unknown}`, first), context, { submissionId: unknown }))
        .status,
    ).toBe(404);
    expect(
      (
        await callRoute(workspaceRoute.loader, getAs("/review/not-a-uuid", first), context, {
          submissionId: "not-a-uuid",
        })
      ).status,
    ).toBe(404);
    const created = await submitTestReport(database.db, key, {
      payload: { narrative: "Another narrative for the intent check, long enough to be real." },
    });
    expect((await post(created.id, first, { intent: "frobnicate" })).status).toBe(400);
  });

  it("answers 503 when the server key is missing (nothing can be read)", async () => {
    const closed = createTestContext(database, { intakeKey: "" }) as AppLoadContext;
    const outcome = await callRoute(queueRoute.loader, getAs("/review", first), closed);
    expect(outcome.status).toBe(503);
  });
});
