import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../app/auth/session-user.server";
import { loader as homeLoader } from "../app/routes/_index";
import { action as reportAction, loader as reportLoader } from "../app/routes/reports.$publicNumber";
import { loader as explorerLoader } from "../app/routes/reports._index";
import { loader as feedLoader } from "../app/routes/reports.feed[.]atom";
import { getFeaturedReport } from "../db/library/featured-report";
import type { OpenDatabase } from "../db/open";
import { createLibraryDatabase, libraryContext } from "./support/library-database";
import { callRoute } from "./support/route-call";
import {
  createTestAgency,
  createTestUser,
  getAs,
  postAs,
  signInTestUser,
  type TestUser,
} from "./support/test-accounts";
import { createTestContext } from "./support/test-context";

let sessionUser: SessionUser | null = null;
vi.mock("../app/auth/session-user.server", () => ({ getSessionUser: async () => sessionUser }));

let database: OpenDatabase;
beforeAll(async () => {
  database = await createLibraryDatabase(1200, 9);
});
afterAll(async () => {
  await database.close();
});

const request = (path: string, init?: RequestInit) => new Request(`http://library.test${path}`, init);
const user = (role: SessionUser["role"]): SessionUser => ({
  id: crypto.randomUUID(),
  email: "u@x.test",
  displayName: "U",
  role,
  agencyId: null,
});
const asSessionUser = (u: TestUser): SessionUser => ({
  id: u.id,
  email: u.email,
  displayName: "U",
  role: u.role,
  agencyId: u.agencyId,
});

/** What a loader threw (a Response, or single fetch's data() with its status). */
async function thrown(promise: Promise<unknown>): Promise<{ status: number; data: unknown; headers?: Headers }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response)
      return { status: error.status, data: await error.clone().text(), headers: error.headers };
    const e = error as { init?: { status?: number }; data?: unknown };
    return { status: e.init?.status ?? 500, data: e.data };
  }
  throw new Error("expected the loader to throw");
}

describe("explorer route", () => {
  it("answers bad parameters with 400, says which, and offers the valid rest", async () => {
    const context = libraryContext(createTestContext(database));
    const result = await thrown(
      explorerLoader({
        request: request("/reports?type=traffic_stop&type=teleport&from=2024-13&page=-2&loss=fatality"),
        params: {},
        context,
      }),
    );
    expect(result.status).toBe(400);
    const data = result.data as { problems: { param: string; message: string }[]; validHref: string };
    expect(data.problems.map((p) => p.param).sort()).toEqual(["from", "page", "type"]);
    expect(data.problems.find((p) => p.param === "type")!.message).toMatch(/teleport.*not a known incident type/);
    expect(data.validHref).toBe("/reports?loss=fatality");
  });

  it("rejects an end month before the start month", async () => {
    const result = await thrown(
      explorerLoader({
        request: request("/reports?from=2024-05&to=2023-01"),
        params: {},
        context: libraryContext(createTestContext(database)),
      }),
    );
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data)).toMatch(/before the start month/);
  });

  it("with LIBRARY_ACCESS=members sends signed-out readers to sign in, and lets members in", async () => {
    const context = libraryContext(createTestContext(database, { libraryAccess: "members" }));
    sessionUser = null;
    for (const path of ["/reports?q=radio", "/reports/2024-00001", "/reports/feed.atom"]) {
      const publicNumber = path.split("/")[2];
      const load = path.startsWith("/reports/feed")
        ? feedLoader
        : path.startsWith("/reports/2")
          ? reportLoader
          : explorerLoader;
      const result = await thrown(
        load({ request: request(path), params: { publicNumber }, context }) as Promise<unknown>,
      );
      expect(result.status).toBe(302);
      expect(result.headers?.get("Location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`);
    }
    expect((await homeLoader({ request: request("/"), params: {}, context })).featured).toBeNull();
    sessionUser = user("agency_trainer");
    const page = await explorerLoader({ request: request("/reports"), params: {}, context });
    expect(page.result.total).toBe(1200);
    sessionUser = null;
  });
});

describe("report page route", () => {
  it("shows a report by public number, with reports like it", async () => {
    const context = libraryContext(createTestContext(database));
    const { public_number } = await database.db
      .selectFrom("reports")
      .select("public_number")
      .orderBy("public_number")
      .limit(1)
      .executeTakeFirstOrThrow();
    const page = await reportLoader({
      request: request(`/reports/${public_number}`),
      params: { publicNumber: public_number },
      context,
    });
    expect(page.report.publicNumber).toBe(public_number);
    expect(page.similar.length).toBe(5);
    for (const s of page.similar) expect(s.sameIncidentType || s.sharedFactors.length > 0).toBe(true);
    // Ordered by what is shared first: more shared factors never come after fewer.
    const shared = page.similar.map((s) => s.sharedFactors.length);
    expect([...shared].sort((a, b) => b - a)).toEqual(shared);
  });

  it("answers 404 for an unknown or malformed number, never an internal id", async () => {
    const context = libraryContext(createTestContext(database));
    const { id } = await database.db.selectFrom("reports").select("id").limit(1).executeTakeFirstOrThrow();
    for (const publicNumber of ["1999-99999", "not-a-number", id]) {
      const result = await thrown(
        reportLoader({ request: request(`/reports/${publicNumber}`), params: { publicNumber }, context }),
      );
      expect(result.status).toBe(404);
    }
  });

  it("lets only reviewers and administrators choose the near miss of the week (CSRF-checked, audited)", async () => {
    const context = libraryContext(createTestContext(database));
    const { public_number } = await database.db
      .selectFrom("reports")
      .select("public_number")
      .where("loss_potential", "=", "property_damage")
      .orderBy("public_number")
      .limit(1)
      .executeTakeFirstOrThrow();
    const path = `/reports/${public_number}`;
    const params = { publicNumber: public_number };
    const fallback = await getFeaturedReport(database.db);
    expect(fallback?.chosen).toBe(false);
    expect(["fatality", "serious_injury"]).toContain(fallback?.lossPotential);

    // Anonymous: sent to sign in; an agency commander: 403.
    sessionUser = null;
    const anonymous = await callRoute(reportAction, postAs(path, null, { intent: "feature" }), context, params);
    expect(anonymous.location).toMatch(/^\/sign-in/);
    const agency = await createTestAgency(database.db, "Featuring Test PD");
    const commander = await signInTestUser(
      database.db,
      await createTestUser(database.db, "agency_commander", { agencyId: agency.id }),
    );
    sessionUser = asSessionUser(commander);
    expect(
      (await callRoute(reportAction, postAs(path, commander, { intent: "feature" }), context, params)).status,
    ).toBe(403);
    expect((await reportLoader({ request: getAs(path, commander), params, context })).canFeature).toBe(false);

    // A reviewer: the form carries a CSRF token; without it the post is refused.
    const reviewer = await signInTestUser(database.db, await createTestUser(database.db, "reviewer"));
    sessionUser = asSessionUser(reviewer);
    const page = await reportLoader({ request: getAs(path, reviewer), params, context });
    expect(page.canFeature).toBe(true);
    expect(page.csrf).toBe(reviewer.csrf);
    const forged = await callRoute(
      reportAction,
      postAs(path, { ...reviewer, csrf: "forged" }, { intent: "feature" }),
      context,
      params,
    );
    expect(forged.status).toBe(403);
    const chosen = await callRoute(reportAction, postAs(path, reviewer, { intent: "feature" }), context, params);
    expect(chosen.status).toBe(302);
    const home = await homeLoader({ request: getAs("/"), params: {}, context });
    expect(home.featured).toMatchObject({ publicNumber: public_number, chosen: true });
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "target_id", "actor_user_id"])
      .where("action", "=", "report.featured")
      .execute();
    expect(audit).toEqual([{ action: "report.featured", target_id: public_number, actor_user_id: reviewer.id }]);
    // A week later the choice has lapsed and the fallback returns.
    const later = await getFeaturedReport(database.db, new Date(Date.now() + 8 * 24 * 3600 * 1000));
    expect(later?.publicNumber).toBe(fallback?.publicNumber);
    sessionUser = null;
  });
});

describe("Atom feed", () => {
  it("lists the newest 50 reports with month-only dates and escaped narrative", async () => {
    // Links come from PUBLIC_URL, which here is the library's test origin.
    const context = libraryContext(
      createTestContext(database, { publicUrl: "http://library.test", publicUrlConfigured: true }),
    );
    const response = await feedLoader({ request: request("/reports/feed.atom"), params: {}, context });
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(xml.match(/<entry>/g)).toHaveLength(50);
    const dates = [...xml.matchAll(/<(updated|published)>([^<]+)<\/\1>/g)].map((m) => m[2]!);
    expect(dates.length).toBeGreaterThan(50);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
    const newest = await database.db
      .selectFrom("reports")
      .select("public_number")
      .orderBy("published_month", "desc")
      .orderBy("public_number", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(xml).toContain(`http://library.test/reports/${newest.public_number}`);
    // Square-bracket redactions survive; no raw markup from a narrative can reach a reader.
    expect(xml).toMatch(/\[[a-z][^\]]*\]/);
  });
});
