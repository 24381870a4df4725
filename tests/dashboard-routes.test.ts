import path from "node:path";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wilsonInterval } from "../analytics/stats/wilson";
import type { AppContext } from "../app/load-context";
import type { AgencyDashboardView, NationalDashboardView } from "../app/dashboard/view-types";
import { loader as agencyLoader } from "../app/routes/agency._index";
import { getAgencyDashboard } from "../app/dashboard/agency-dashboard.server";
import { parseDashboardSearch } from "../app/dashboard/filter-schema";
import { bumpRollupVersion } from "../analytics/rollups/rollup-version";
import { loader as nationalLoader } from "../app/routes/national._index";
import { loader as summaryLoader } from "../app/routes/national.summary";
import type { OpenDatabase } from "../db/open";
import { factors } from "../db/taxonomy/index";
import { callRoute } from "./support/route-call";
import { createTestUser, getAs, signInTestUser, type SignedInTestUser } from "./support/test-accounts";
import { createTestContext } from "./support/test-context";
import { createSeededTestDatabase } from "./support/test-database";

// What each role receives from the dashboards, read the way an attacker would read it: the loader's
// JSON payload and the rendered HTML (the built app, through Remix's request handler).

let database: OpenDatabase;
let context: AppContext;
/** A larger k, so that even the large agency has many withheld cells (and hidden counts up to 24). */
let strict: AppContext;
let html: (path: string, who: SignedInTestUser | null, ctx?: AppContext) => Promise<{ status: number; text: string }>;

interface Agency { id: string; name: string; reports: number }
let large: Agency;
let other: Agency;
let small: Agency;
let window: { from: string; to: string };
const people: Record<string, SignedInTestUser> = {};

async function signedIn(role: Parameters<typeof createTestUser>[1], agencyId: string | null = null) {
  return signInTestUser(database.db, await createTestUser(database.db, role, { agencyId }));
}

/** Raw counts of an agency's reports in the window (what the dashboard must never show below k). */
async function rawCounts(agencyId: string) {
  const { rows } = await sql<{ factor_code: string; n: number }>`
    SELECT f.factor_code, count(*) AS n FROM reports r JOIN report_protected p ON p.report_id = r.id
    JOIN report_factors f ON f.report_id = r.id
    WHERE p.agency_id = ${agencyId}::UUID AND r.event_month BETWEEN ${`${window.from}-01`}::DATE AND ${`${window.to}-01`}::DATE
    GROUP BY 1`.execute(database.db);
  return new Map(rows.map((r) => [r.factor_code, Number(r.n)]));
}

/** Every number in a JSON value. */
function numbersIn(value: unknown): number[] {
  const out: number[] = [];
  JSON.stringify(value, (_k, v) => {
    if (typeof v === "number") out.push(v);
    return v;
  });
  return out;
}

const near = (list: number[], x: number) => list.some((v) => Math.abs(v - x) < 1e-12);

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 6000, seed: 12, agencies: 40 });
  context = createTestContext(database);
  strict = createTestContext(database, { privacyK: 25 });

  const latest = await sql<{ m: string }>`SELECT strftime(max(event_month), '%Y-%m') AS m FROM reports`.execute(database.db);
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
  return outcome.data.view as AgencyDashboardView;
};

describe("what each role sees", () => {
  it("agency commander, trainer and analyst: their own agency against the nation excluding it", async () => {
    for (const who of [people.commander!, people.trainer!, people.analyst!]) {
      const view = await agencyView(who);
      expect(view).toMatchObject({ kind: "agency", open: true, closedReason: null, period: { ...window, months: 36 } });
      expect(view.profile).toMatchObject({ aLabel: "Your agency", bLabel: "National, excluding your agency", aReports: large.reports });
      expect(view.trends.subjectLabel).toBe("Your agency");
      expect(view.lessons.reports.length).toBeGreaterThan(0);
    }
  });

  it("the agency's released figures are its own (the test could see a wrong agency)", async () => {
    const view = await agencyView(people.commander!);
    const raw = await rawCounts(large.id);
    const releasedRows = view.profile.rows.filter((r) => typeof r.a.count === "number");
    expect(releasedRows.length).toBeGreaterThan(5);
    for (const row of releasedRows) expect(row.a.count).toBe(raw.get(row.factor) ?? 0);
  });

  it("national analysts and administrators: the national view with an anonymous funnel plot", async () => {
    for (const who of [people.national!, people.admin!]) {
      const outcome = await callRoute(nationalLoader, getAs("/national?funnel=eq_radio_failure", who), context);
      expect(outcome.status).toBe(200);
      const view = outcome.data.view as NationalDashboardView;
      expect(view.kind).toBe("national");
      expect(view.funnel).toMatchObject({ factor: "eq_radio_failure" });
      expect(view.funnel!.points.length).toBeGreaterThan(0);
      for (const point of view.funnel!.points) expect(Object.keys(point).sort()).toEqual(["n", "position", "share"]);
      expect(view.profile.aLabel).toBe("National (all reports)");
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

describe("agency scoping", () => {
  it("agency A's payload holds no agency id or name and none of agency B's figures", async () => {
    const view = await agencyView(people.commander!);
    const json = JSON.stringify(view);
    const { rows } = await sql<{ id: string; name: string }>`SELECT id::VARCHAR AS id, name FROM agencies`.execute(database.db);
    for (const agency of rows) {
      expect(json).not.toContain(agency.id);
      expect(json).not.toContain(agency.name);
    }
    const numbers = numbersIn(view);
    const mine = await rawCounts(large.id);
    const theirs = await rawCounts(other.id);
    let checked = 0;
    for (const f of factors) {
      const b = theirs.get(f.code) ?? 0;
      if (b === 0) continue;
      const share = b / other.reports;
      const a = mine.get(f.code) ?? 0;
      // Only values that are B's alone (not also A's own share of some factor).
      if ([...mine.values()].some((x) => Math.abs(x / large.reports - share) < 1e-12) || Math.abs(a / large.reports - share) < 1e-12) continue;
      const wilson = wilsonInterval(b, other.reports);
      expect(near(numbers, share), `B's share of ${f.code}`).toBe(false);
      expect(near(numbers, wilson.lower), `B's lower bound of ${f.code}`).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("agency B's commander gets B's dashboard from the same URL (the agency comes from the session)", async () => {
    const mine = await agencyView(people.commander!);
    const theirs = await agencyView(people.otherCommander!);
    expect(theirs.profile.aReports).toBe(other.reports);
    expect(mine.profile.aReports).toBe(large.reports);
  });

  it("refuses an agency in the URL rather than ignoring it", async () => {
    const outcome = await callRoute(agencyLoader, getAs(`/agency?agency=${other.id}`, people.commander!), context);
    expect(outcome.status).toBe(400);
    expect(outcome.data.problems[0].message).toContain("agency");
    expect(outcome.data.validHref).toBe("/agency");
  });
});

describe("suppressed cells", () => {
  it("a withheld figure reaches the payload as { suppressed, reason } only: no count, share or bound of it anywhere", async () => {
    const view = await agencyView(people.commander!, "", strict);
    const raw = await rawCounts(large.id);
    const numbers = numbersIn(view);
    const withheld = view.profile.rows.filter((r) => typeof r.a.count !== "number");
    expect(withheld.length).toBeGreaterThan(3);
    for (const row of withheld) {
      expect(row.a.count).toEqual({ suppressed: true, reason: expect.stringMatching(/below_k|complementary/) });
      expect(numbersIn(row.a)).toEqual([]);
      const hidden = raw.get(row.factor) ?? 0;
      if (hidden === 0) continue;
      const share = hidden / large.reports;
      const wilson = wilsonInterval(hidden, large.reports);
      expect(near(numbers, share), `hidden share of ${row.factor}`).toBe(false);
      expect(near(numbers, wilson.lower) || near(numbers, wilson.upper), `hidden interval of ${row.factor}`).toBe(false);
    }
  });

  it("the rendered page writes a withheld figure as withheld, with no number of it in the table", async () => {
    const view = await agencyView(people.commander!, "", strict);
    const row = view.profile.rows.find((r) => typeof r.a.count !== "number" && r.a.count.reason === "below_k")!;
    const page = await html("/agency", people.commander!, strict);
    expect(page.status).toBe(200);
    const table = page.text.slice(page.text.indexOf('aria-labelledby="profile-title"'));
    const tr = table.match(new RegExp(`<tr[^>]*>(?:(?!</tr>).)*?${row.label.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?:(?!</tr>).)*</tr>`, "s"))![0];
    const cells = [...tr.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
    expect(cells[2]).toBe("withheld — based on a withheld figure"); // the share
    expect(cells[3]).toBe("withheld — fewer than k reports"); // the count
    const hidden = (await rawCounts(large.id)).get(row.factor)!;
    expect(hidden).toBeGreaterThan(0);
    expect(cells.join(" ")).not.toContain(`${(100 * hidden / large.reports).toFixed(1)}%`);
    expect(cells.slice(2).join(" ")).not.toMatch(/\d/);
    // Nor anywhere in the page (the embedded loader data included): no hidden share at full precision.
    for (const r of view.profile.rows.filter((x) => typeof x.a.count !== "number")) {
      const n = (await rawCounts(large.id)).get(r.factor) ?? 0;
      if (n > 0) expect(page.text).not.toContain(String(n / large.reports));
    }
    // No inline <style> anywhere in the page (CSP): the server's chart SVGs carry none.
    expect(page.text).not.toMatch(/<style/i);
    expect(page.text).toContain('class="chart-ssr"');
  });
});

describe("below the minimum-report rule", () => {
  it("says so and shows national and peer figures instead, with nothing of the agency's own", async () => {
    const view = await agencyView(people.smallCommander!);
    expect(view.open).toBe(false);
    expect(view.closedReason).toBe("Too few agency reports in this period");
    expect(view.headline.periodReports).toEqual({ suppressed: true, reason: "agency_minimum" });
    expect(view.profile.aLabel).toBe("National (all reports)");
    expect(view.profile.bLabel ?? "").toMatch(/^(Other agencies of .*|)$/);
    expect(view.trends.subjectLabel).toBe("National (all reports)");
    // Every factor figure shown is the nation's (public), none is the agency's.
    const { rows } = await sql<{ factor_code: string; n: number }>`
      SELECT f.factor_code, count(*) AS n FROM reports r JOIN report_factors f ON f.report_id = r.id
      WHERE r.event_month BETWEEN ${`${window.from}-01`}::DATE AND ${`${window.to}-01`}::DATE GROUP BY 1`.execute(database.db);
    const national = new Map(rows.map((r) => [r.factor_code, Number(r.n)]));
    for (const row of view.profile.rows) expect(row.a.count).toBe(national.get(row.factor) ?? 0);
    const page = await html("/agency", people.smallCommander!);
    expect(page.text).toContain("Your agency&#x27;s own figures are not shown for this period");
  });
});

describe("the view cache", () => {
  it("serves one frozen view per agency and filters until the rollups change, and never another agency's", async () => {
    const parsed = parseDashboardSearch(new URLSearchParams("type=traffic_stop"));
    if (!parsed.ok) throw new Error("bad filters");
    const ctx = context as unknown as AppLoadContext;
    const asUser = (who: SignedInTestUser) => ({ id: who.id, email: who.email, displayName: "Test", role: who.role, agencyId: who.agencyId });
    const first = await getAgencyDashboard(ctx, asUser(people.commander!), parsed.state);
    expect(await getAgencyDashboard(ctx, asUser(people.trainer!), parsed.state)).toBe(first); // same agency, same filters
    expect(Object.isFrozen(first.profile.rows[0])).toBe(true);
    const otherAgency = await getAgencyDashboard(ctx, asUser(people.otherCommander!), parsed.state);
    expect(otherAgency).not.toBe(first);
    expect(otherAgency.profile.aReports).not.toBe(first.profile.aReports);
    const unfiltered = parseDashboardSearch(new URLSearchParams());
    if (!unfiltered.ok) throw new Error("bad filters");
    expect(await getAgencyDashboard(ctx, asUser(people.commander!), unfiltered.state)).not.toBe(first);

    await bumpRollupVersion(database.db); // what every publication, withdrawal and rebuild does
    const after = await getAgencyDashboard(ctx, asUser(people.commander!), parsed.state);
    expect(after).not.toBe(first);
    expect(after).toEqual(first); // the data did not change, only its version
  });
});

describe("filters in the URL", () => {
  it("applies period, incident type, factor, loss potential and region, and names a bad parameter", async () => {
    const view = await agencyView(people.commander!, "?from=2023-01&to=2025-12&type=traffic_stop&loss=fatality&region=south&compare=year&vs=size");
    expect(view.state).toEqual({ from: "2023-01", to: "2025-12", type: "traffic_stop", loss: "fatality", region: "south", compare: "year", vs: "size" });
    expect(view.period).toEqual({ from: "2023-01", to: "2025-12", months: 36 });
    const bad = await callRoute(agencyLoader, getAs("/agency?from=2025-13&type=traffic_stop", people.commander!), context);
    expect(bad.status).toBe(400);
    expect(bad.data).toEqual({ problems: [{ param: "from", message: expect.stringContaining("YYYY-MM") }], validHref: "/agency?type=traffic_stop" });
  });
});
