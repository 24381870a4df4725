import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../app/load-context";
import type { AgencyBookView } from "../../app/dashboard/agency-view-types";
import { readAgencyBook } from "../../analytics/release-book/read-book";
import { loader as agencyLoader } from "../../app/routes/agency._index";
import { action as tokensAction, loader as tokensLoader } from "../../app/routes/agency_.api-tokens";
import { loader as unknownEndpoint } from "../../app/routes/api.v1.$";
import { action as profilePost, loader as profileApi } from "../../app/routes/api.v1.profile";
import { loader as reportsApi } from "../../app/routes/api.v1.reports";
import { loader as trendsApi } from "../../app/routes/api.v1.trends";
import { changeMemberRole } from "../../db/accounts/agency-scope";
import { createApiToken, revokeApiToken } from "../../db/api/api-tokens";
import type { OpenDatabase } from "../../db/open";
import { callRoute } from "../support/route-call";
import {
  createTestUser,
  getAs,
  postAs,
  signInTestUser,
  type SignedInTestUser,
  TEST_PASSWORD,
  type TestUser,
} from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createSeededTestDatabase } from "../support/test-database";

// The agency data API: tokens of agency A read A's figures (the dashboard's, with the same suppression)
// and nothing of B's; revoked, expired and orphaned tokens fail; errors are JSON; requests are limited.

let database: OpenDatabase;
let context: AppContext;
let agencyA: string;
let agencyB: string;
let commanderA: SignedInTestUser;
let commanderB: SignedInTestUser;
let tokenA: string;
let tokenB: string;

type Route = (args: { request: Request; params: Record<string, string>; context: AppContext }) => Promise<Response>;

async function api(
  route: unknown,
  path: string,
  token: string | null,
  init: { method?: string; cookie?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.cookie) headers.Cookie = init.cookie;
  const response = await (route as Route)({
    request: new Request(`http://127.0.0.1${path}`, { method: init.method ?? "GET", headers }),
    params: {},
    context,
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 6000, seed: 12, agencies: 40 });
  context = createTestContext(database, { privacyK: 25 });
  const { rows } = await sql<{ id: string }>`
    SELECT p.agency_id::VARCHAR AS id FROM report_protected p JOIN reports r ON r.id = p.report_id
    WHERE p.agency_id IS NOT NULL AND r.event_month BETWEEN '2023-01-01'::DATE AND '2025-12-01'::DATE
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`.execute(database.db);
  [agencyA, agencyB] = rows.map((r) => r.id) as [string, string];
  commanderA = await signInTestUser(
    database.db,
    await createTestUser(database.db, "agency_commander", { agencyId: agencyA }),
  );
  commanderB = await signInTestUser(
    database.db,
    await createTestUser(database.db, "agency_commander", { agencyId: agencyB }),
  );
  tokenA = (await createApiToken(database.db, commanderA, { name: "A's spreadsheet", days: 90 })).token;
  tokenB = (await createApiToken(database.db, commanderB, { name: "B's spreadsheet", days: 90 })).token;
});
afterAll(async () => {
  await database?.close();
});

/** The engine's figures with the API's labels taken off withheld values. */
function unlabelled<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (k, v) =>
      k === "label" && typeof v === "string" && v.startsWith("withheld — ") ? undefined : v,
    ),
  );
}

describe("what a token reads", () => {
  it("A's token reads A's factor profile: the agency page's book cells for one choice, withheld ones too", async () => {
    const answer = await api(profileApi, "/api/v1/profile?vs=national", tokenA);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const view = (await callRoute(agencyLoader, getAs("/agency?vs=national", commanderA), context)).data
      .view as AgencyBookView;
    expect(answer.body.data.agencyReports).toEqual(view.profile.agencyReports);
    const rows = unlabelled(answer.body.data.rows) as { factor: string; agency: unknown; reference: unknown }[];
    for (const row of view.profile.rows) {
      const fromApi = rows.find((r) => r.factor === row.factor)!;
      expect(fromApi.agency, row.factor).toEqual(row.agency);
      expect(fromApi.reference, row.factor).toEqual(row.reference);
    }
  });

  it("A's token cannot read B: B's token answers B's book, and no parameter chooses an agency", async () => {
    const a = await api(profileApi, "/api/v1/profile", tokenA);
    const b = await api(profileApi, "/api/v1/profile", tokenB);
    for (const [answer, agency] of [
      [a, agencyA],
      [b, agencyB],
    ] as const) {
      const book = await readAgencyBook(database.db, agency);
      expect(unlabelled(answer.body.data.agencyReports)).toEqual(book.cell(book.years.at(-1)!, "agency", "n"));
    }
    for (const param of ["agency", "agencyId", "agency_id", "scope", "viewer", "token_agency"]) {
      for (const route of [profileApi, trendsApi, reportsApi]) {
        const answer = await api(route, `/api/v1/x?${param}=${agencyB}`, tokenA);
        expect(answer.status, param).toBe(400);
        expect(answer.body.error).toMatchObject({ status: 400, code: "invalid_filters" });
        expect(answer.body.error.message).toContain(`“${param}” is not a filter of this endpoint`);
      }
    }
    // The payload names no agency, not even A.
    const names = await database.db.selectFrom("agencies").select(["id", "name"]).execute();
    const text = JSON.stringify(a.body);
    for (const n of names) {
      expect(text).not.toContain(n.id);
      expect(text).not.toContain(n.name);
    }
  });

  it("trends: the agency's yearly series of the book, with the same suppression as the page", async () => {
    const answer = await api(trendsApi, "/api/v1/trends?factor=hc_low_light", tokenA);
    expect(answer.status).toBe(200);
    const view = (await callRoute(agencyLoader, getAs("/agency?factor=hc_low_light", commanderA), context)).data
      .view as AgencyBookView;
    expect(unlabelled(answer.body.data.factors)).toEqual(view.trends.factors);
    expect(answer.body.data.factors.some((f: { factor: string }) => f.factor === "hc_low_light")).toBe(true);
  });

  it("reports: only those shared with the token's agency, published fields only, a page at a time", async () => {
    const shared = async (agency: string) =>
      new Set(
        (
          await sql<{ n: string }>`
      SELECT r.public_number AS n FROM reports r JOIN report_protected p ON p.report_id = r.id
      WHERE p.consent_level = 'agency_share' AND p.agency_id = ${agency}::UUID`.execute(database.db)
        ).rows.map((r) => r.n),
      );
    const mine = await shared(agencyA);
    const theirs = await shared(agencyB);
    const first = await api(reportsApi, "/api/v1/reports?size=100", tokenA);
    expect(first.status).toBe(200);
    expect(first.body.meta.total).toBe(mine.size);
    const numbers: string[] = [];
    for (let page = 1; page <= first.body.meta.pages; page++) {
      const answer = await api(reportsApi, `/api/v1/reports?size=100&page=${page}`, tokenA);
      numbers.push(...answer.body.data.map((r: { publicNumber: string }) => r.publicNumber));
    }
    expect(new Set(numbers)).toEqual(mine);
    expect(numbers.some((n) => theirs.has(n))).toBe(false);
    expect(Object.keys(first.body.data[0]).sort()).toEqual([
      "assignment",
      "censusRegion",
      "eventMonth",
      "eventSummary",
      "factors",
      "incidentType",
      "lessonsLearned",
      "light",
      "lossPotential",
      "officersOnScene",
      "publicNumber",
      "publishedMonth",
      "taxonomyVersion",
      "timeBlock",
      "title",
      "url",
      "weather",
      "yearsOfService",
    ]);
    expect((await api(reportsApi, "/api/v1/reports?size=500", tokenA)).body.error.code).toBe("invalid_filters");
  });
});

describe("tokens that fail", () => {
  it("no token, a malformed or unknown token, a session cookie instead: 401 JSON with a clear message", async () => {
    const none = await api(profileApi, "/api/v1/profile", null, { cookie: commanderA.cookie });
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toBe('Bearer realm="Close Call API"');
    expect(none.body.error).toMatchObject({ status: 401, code: "token_missing" });
    expect((await api(profileApi, "/api/v1/profile", "not-a-token")).body.error.code).toBe("token_invalid");
    expect((await api(profileApi, "/api/v1/profile", `ccapi_${"A".repeat(43)}`)).body.error).toMatchObject({
      status: 401,
      code: "token_invalid",
      message: "This API token is not valid.",
    });
    const inUrl = await api(profileApi, `/api/v1/profile?token=${tokenA}`, null);
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.error.code).toBe("token_in_url");
  });

  it("a script's parallel requests with one new token all answer (the first use is written once)", async () => {
    const issued = await createApiToken(database.db, commanderA, { name: "Parallel script", days: 30 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api(profileApi, "/api/v1/profile", issued.token)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it("a revoked token fails at once, as do an expired one and one whose commander left the agency", async () => {
    const issued = await createApiToken(database.db, commanderA, { name: "Soon revoked", days: 30 });
    expect((await api(profileApi, "/api/v1/profile", issued.token)).status).toBe(200);
    expect(await revokeApiToken(database.db, commanderB, issued.id)).toBe(false); // B cannot revoke A's token
    expect(await revokeApiToken(database.db, commanderA, issued.id)).toBe(true);
    const revoked = await api(profileApi, "/api/v1/profile", issued.token);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toMatchObject({ code: "token_revoked", message: expect.stringContaining("revoked") });

    const old = await createApiToken(
      database.db,
      commanderA,
      { name: "Old", days: 30 },
      new Date(Date.now() - 31 * 86_400_000),
    );
    expect((await api(profileApi, "/api/v1/profile", old.token)).body.error.code).toBe("token_expired");

    const second = await createTestUser(database.db, "agency_commander", { agencyId: agencyA });
    const orphan = await createApiToken(database.db, second, { name: "Orphan", days: 30 });
    expect((await api(profileApi, "/api/v1/profile", orphan.token)).status).toBe(200);
    await changeMemberRole(database.db, commanderA, second.id, "agency_analyst");
    expect((await api(profileApi, "/api/v1/profile", orphan.token)).body.error.code).toBe("token_owner_inactive");
  });

  it("the API is read-only, unknown endpoints are JSON 404s, each token gets 60 requests a minute", async () => {
    const post = await api(profilePost, "/api/v1/profile", tokenB, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET");
    const limited = (await createApiToken(database.db, commanderB, { name: "Busy", days: 30 })).token;
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await api(unknownEndpoint, "/api/v1/nothing", limited)).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    const last = await api(unknownEndpoint, "/api/v1/nothing", limited);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(last.body.error.code).toBe("rate_limited");
    // Another token is not slowed down by it.
    expect((await api(unknownEndpoint, "/api/v1/nothing", tokenB)).status).toBe(404);
  });

  it("every API answer is an export in the audit log, under the token", async () => {
    await api(profileApi, "/api/v1/profile", tokenA);
    const entry = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "export.created")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_user_id: commanderA.id, target_type: "api_token" });
    expect(JSON.parse(entry.detail!)).toEqual({ via: "api", endpoint: "profile" });
    expect(JSON.stringify(entry)).not.toContain(tokenA);
  });
});

describe("token management (commanders)", () => {
  it("shows a new token once, stores only its hash, lists and revokes the agency's own tokens", async () => {
    const created = await callRoute(
      tokensAction,
      postAs("/agency/api-tokens", commanderA, {
        intent: "create",
        name: "Dashboard wall",
        days: "30",
        confirm: TEST_PASSWORD,
      }),
      context,
    );
    expect(created.status).toBe(200);
    const secret = created.data.secret.value as string;
    expect(secret).toMatch(/^ccapi_[A-Za-z0-9_-]{43}$/);
    const row = await database.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("name", "=", "Dashboard wall")
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    const listing = await callRoute(tokensLoader, getAs("/agency/api-tokens", commanderA), context);
    expect(JSON.stringify(listing.data)).not.toContain(secret.slice(12));
    expect(listing.data.tokens.map((t: { name: string }) => t.name)).toContain("Dashboard wall");
    expect(listing.data.tokens.map((t: { name: string }) => t.name)).not.toContain("B's spreadsheet");
    // B's commander cannot revoke it by its id; A's can.
    const byB = await callRoute(
      tokensAction,
      postAs("/agency/api-tokens", commanderB, { intent: "revoke", tokenId: row.id }),
      context,
    );
    expect(byB.status).toBe(404);
    const byA = await callRoute(
      tokensAction,
      postAs("/agency/api-tokens", commanderA, { intent: "revoke", tokenId: row.id }),
      context,
    );
    expect(byA.status).toBe(200);
    expect((await api(profileApi, "/api/v1/profile", secret)).body.error.code).toBe("token_revoked");
    const audit = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", row.id)
      .orderBy("seq")
      .execute();
    // The call with the revoked token is in the log too.
    expect(audit.map((a) => a.action)).toEqual(["api_token.created", "api_token.revoked", "api_token.refused"]);
  });

  it("a name too short is a field error and keeps the input; trainers cannot manage tokens", async () => {
    const bad = await callRoute(
      tokensAction,
      postAs("/agency/api-tokens", commanderA, { intent: "create", name: "x", days: "30" }),
      context,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors.name).toContain("3 characters");
    expect(bad.data.values).toEqual({ name: "x", days: "30" });
    const trainer: TestUser = await createTestUser(database.db, "agency_trainer", { agencyId: agencyA });
    const asTrainer = await callRoute(
      tokensLoader,
      getAs("/agency/api-tokens", await signInTestUser(database.db, trainer)),
      context,
    );
    expect(asTrainer.status).toBe(403);
  });
});
