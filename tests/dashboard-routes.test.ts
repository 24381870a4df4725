import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../app/load-context";
import type { NationalDashboardView } from "../app/dashboard/view-types";
import type { AgencyBookView } from "../app/dashboard/agency-view-types";
import { action as agencyAction, loader as agencyLoader } from "../app/routes/agency._index";
import { readAgencyBook } from "../analytics/release-book/read-book";
import { loader as nationalLoader } from "../app/routes/national._index";
import { loader as summaryLoader } from "../app/routes/national.summary";
import type { OpenDatabase } from "../db/open";
import { callRoute } from "./support/route-call";
import { createTestUser, getAs, signInTestUser, type SignedInTestUser } from "./support/test-accounts";
import { createTestContext } from "./support/test-context";
import { createSeededTestDatabase, TEST_TODAY } from "./support/test-database";

// What each role receives from the dashboards, read the way an attacker would read it: the loader's
// JSON payload and the rendered HTML (the built app, through Remix's request handler).

let database: OpenDatabase;
let context: AppContext;
let html: (path: string, who: SignedInTestUser | null, ctx?: AppContext) => Promise<{ status: number; text: string }>;

interface Agency {
  id: string;
  name: string;
  reports: number;
}
let large: Agency;
let other: Agency;
let small: Agency;
let window: { from: string; to: string };
const people: Record<string, SignedInTestUser> = {};

async function signedIn(role: Parameters<typeof createTestUser>[1], agencyId: string | null = null) {
  return signInTestUser(database.db, await createTestUser(database.db, role, { agencyId }));
}

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 6000, seed: 12, agencies: 40 });
  context = createTestContext(database);

  const latest = await sql<{ m: string }>`SELECT strftime(max(event_month), '%Y-%m') AS m FROM reports`.execute(
    database.db,
  );
  const [y, m] = latest.rows[0]!.m.split("-").map(Number) as [number, number];
  const first = y * 12 + m - 1 - 35;
  window = { from: `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, "0")}`, to: latest.rows[0]!.m };
  const { rows } = await sql<{ id: string; name: string; reports: number }>`
    SELECT a.id::VARCHAR AS id, a.name, count(r.id) AS reports FROM agencies a
    JOIN report_protected p ON p.agency_id = a.id JOIN reports r ON r.id = p.report_id
    WHERE r.event_month BETWEEN ${`${window.from}-01`}::DATE AND ${`${window.to}-01`}::DATE AND a.status = 'active'
    GROUP BY 1, 2 ORDER BY reports DESC, id`.execute(database.db);
  const agencies = rows.map((r) => ({ ...r, reports: Number(r.reports) }));
  [large, other] = agencies as [Agency, Agency];
  small = agencies.find((a) => a.reports > 0 && a.reports < 30)!;
  expect(large.reports).toBeGreaterThanOrEqual(60);
  expect(other.reports).toBeGreaterThanOrEqual(30);
  expect(small).toBeDefined();

  people.commander = await signedIn("agency_commander", large.id);
  people.trainer = await signedIn("agency_trainer", large.id);
  people.analyst = await signedIn("agency_analyst", large.id);
  people.otherCommander = await signedIn("agency_commander", other.id);
  people.smallCommander = await signedIn("agency_commander", small.id);
  people.national = await signedIn("national_analyst");
  people.admin = await signedIn("administrator");
  people.reviewer = await signedIn("reviewer");

  const build = (await import(path.resolve(import.meta.dirname, "../build/index.js"))) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  html = async (p, who, ctx = context) => {
    const response = await handler(getAs(p, who), { ...ctx });
    return { status: response.status, text: await response.text() };
  };
});
afterAll(async () => {
  await database?.close();
});

const agencyView = async (who: SignedInTestUser, query = "", ctx = context) => {
  const outcome = await callRoute(agencyLoader, getAs(`/agency${query}`, who), ctx);
  expect(outcome.status).toBe(200);
  return outcome.data.view as AgencyBookView;
};

const post = (path: string, who: SignedInTestUser, fields: Record<string, string>) =>
  new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Cookie: getAs(path, who).headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" },
  });

describe("what each role sees", () => {
  it("national analysts and administrators: the national view with an anonymous funnel plot", async () => {
    for (const who of [people.national!, people.admin!]) {
      // The default funnel follows the nation's most cited factor: large agencies' cells of it are released.
      const outcome = await callRoute(nationalLoader, getAs("/national", who), context);
      expect(outcome.status).toBe(200);
      const view = outcome.data.view as NationalDashboardView;
      expect(view.kind).toBe("national");
      expect(view.funnel!.points.length).toBeGreaterThan(0);
      for (const point of view.funnel!.points) expect(Object.keys(point).sort()).toEqual(["n", "position", "share"]);
      expect(view.profile.aLabel).toBe("National (all reports)");
      // A rarer factor: every agency is a dot or counted as withheld, never dropped silently.
      const rare = await callRoute(nationalLoader, getAs("/national?funnel=eq_radio_failure", who), context);
      const funnel = (rare.data.view as NationalDashboardView).funnel!;
      expect(funnel).toMatchObject({ factor: "eq_radio_failure" });
      expect(funnel.points.length + funnel.withheld).toBe(funnel.agencies);
    }
  });

  it("everyone else: the public summary, without the funnel or any agency figure", async () => {
    for (const who of [null, people.reviewer!, people.commander!]) {
      const outcome = await callRoute(summaryLoader, getAs("/national/summary?funnel=eq_radio_failure", who), context);
      expect(outcome.status).toBe(200);
      const view = outcome.data.view as NationalDashboardView;
      expect(view.kind).toBe("public");
      expect(view.funnel).toBeNull();
      expect(JSON.stringify(view)).not.toMatch(/Your agency|excluding your agency|Other agencies|Partner agencies/);
    }
  });

  it("refuses the wrong people: sign-in for nobody, 403 for roles without the permission", async () => {
    const signIn = await callRoute(agencyLoader, getAs("/agency", null), context);
    expect(signIn.location).toMatch(/^\/sign-in\?redirectTo=%2Fagency/);
    for (const who of [people.national!, people.admin!, people.reviewer!]) {
      expect((await callRoute(agencyLoader, getAs("/agency", who), context)).status).toBe(403);
    }
    for (const who of [people.commander!, people.reviewer!]) {
      expect((await callRoute(nationalLoader, getAs("/national", who), context)).status).toBe(403);
    }
  });
});

describe("the agency page reads the release book", () => {
  it("names the agency and the release it is as of, and holds only the member's own agency's book", async () => {
    const view = await agencyView(people.commander!);
    expect(view.agencyName).toBe(large.name);
    expect(view.asOf).toMatchObject({ releasedOn: TEST_TODAY });
    const book = await readAgencyBook(database.db, large.id);
    expect(view.resolved.period).toBe(book.years.at(-1));
    expect(view.headline.reports).toEqual(book.cell(view.resolved.period, "agency", "n"));
    const theirs = await agencyView(people.otherCommander!);
    expect(theirs.agencyName).toBe(other.name);
    expect(JSON.stringify(view)).not.toContain(other.name);
    expect(JSON.stringify(view)).not.toContain(large.id);
  });

  it("takes only the book's choices and names a bad or retired parameter with what to ask instead", async () => {
    const view = await agencyView(people.commander!, "?vs=size&factor=hc_low_light&from=2025-01&to=2025-06");
    expect(view.state).toEqual({ vs: "size", factor: "hc_low_light", from: "2025-01", to: "2025-06" });
    expect(view.resolved).toMatchObject({ reference: "size", sharedFrom: "2025-01", sharedTo: "2025-06" });
    for (const [query, param] of [
      ["?from=2025-13", "from"],
      ["?compare=year", "compare"],
      ["?agency=x", "agency"],
      ["?period=1999", "period"],
    ] as const) {
      const bad = await callRoute(agencyLoader, getAs(`/agency${query}`, people.commander!), context);
      expect(bad.status, query).toBe(400);
      expect(bad.data.problems[0].param, query).toBe(param);
    }
  });

  it("below the minimum the page says so: the agency's own figures withheld, never a number of them", async () => {
    const view = await agencyView(people.smallCommander!);
    expect(view.open).toBe(false);
    expect(view.headline.reports).toMatchObject({ suppressed: true });
    for (const row of view.profile.rows) expect(row.agency.count).toMatchObject({ suppressed: true });
  });
});

describe("month choices (issue 16: Chromium drew empty month inputs as “--------- ----”)", () => {
  it("the agency page offers months as selects of named months, the national page YYYY-MM with a pattern", async () => {
    const agency = await html("/agency", people.commander!);
    expect(agency.status).toBe(200);
    expect(agency.text).not.toContain('type="month"');
    expect(agency.text).toMatch(
      /<select id="choice-from" name="from">[\s\S]*?<option value="\d{4}-\d{2}"[^>]*>[A-Z][a-z]{2} \d{4}<\/option>/,
    );
    const national = await html("/national", people.national!);
    expect(national.status).toBe(200);
    expect(national.text).not.toContain('type="month"');
    expect(national.text).toMatch(/<input id="f-from" type="text" inputMode="numeric" pattern="[^"]+"/);
  });
});

describe("saved views", () => {
  const save = (who: SignedInTestUser, fields: Record<string, string>) =>
    callRoute(agencyAction, post("/agency?index", who, { csrf: who.csrf, intent: "save-view", ...fields }), context);

  it("a member names the current view, finds it again, and deletes it; only their own", async () => {
    const saved = await save(people.analyst!, {
      name: "Peers, low light",
      path: "/agency?vs=size&factor=hc_low_light",
    });
    expect(saved.status).toBe(200);
    const page = await callRoute(agencyLoader, getAs("/agency", people.analyst!), context);
    expect(page.data.savedViews).toEqual([
      { id: expect.any(String), name: "Peers, low light", path: "/agency?vs=size&factor=hc_low_light" },
    ]);
    // Another member (same agency) neither sees nor deletes it.
    expect((await callRoute(agencyLoader, getAs("/agency", people.trainer!), context)).data.savedViews).toEqual([]);
    const id = page.data.savedViews[0].id as string;
    const foreign = await callRoute(
      agencyAction,
      post("/agency?index", people.trainer!, { csrf: people.trainer!.csrf, intent: "delete-view", id }),
      context,
    );
    expect(foreign.status).toBe(404);
    const mine = await callRoute(
      agencyAction,
      post("/agency?index", people.analyst!, { csrf: people.analyst!.csrf, intent: "delete-view", id }),
      context,
    );
    expect(mine.status).toBe(200);
    expect((await callRoute(agencyLoader, getAs("/agency", people.analyst!), context)).data.savedViews).toEqual([]);
  });

  it("refuses a view of another page, a bad choice, an empty name, and a post without the CSRF token", async () => {
    for (const path of ["https://evil.example/agency", "/national", "/agency?agency=x", "/agency?vs=nobody"]) {
      const refused = await save(people.analyst!, { name: "x", path });
      expect(refused.status, path).toBe(400);
      expect(refused.data.errors.path, path).toBeTruthy();
    }
    expect((await save(people.analyst!, { name: " ", path: "/agency" })).data.errors.name).toBe("Give the view a name");
    const noCsrf = await callRoute(
      agencyAction,
      post("/agency?index", people.analyst!, { intent: "save-view", name: "x", path: "/agency" }),
      context,
    );
    expect(noCsrf.status).toBe(403);
  });
});
