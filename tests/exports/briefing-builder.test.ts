import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../app/load-context";
import { MAX_BRIEFING_REPORTS, parseBriefingSearch } from "../../app/exports/briefing-schema";
import { loader as briefingPage } from "../../app/routes/agency_.briefing";
import { loader as reportPage } from "../../app/routes/reports.$publicNumber";
import type { OpenDatabase } from "../../db/open";
import { callRoute } from "../support/route-call";
import { createTestUser, getAs, signInTestUser, type SignedInTestUser } from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createSeededTestDatabase } from "../support/test-database";

// The briefing builder's list of reports to choose from: every matching report can be
// reached by searching and paging, a choice survives both, the server still allows eight at most, and
// a report page offers "Add to briefing" to those who make briefings, keeping the builder's choice.
let database: OpenDatabase;
let context: AppContext;
let trainer: SignedInTestUser;
let analyst: SignedInTestUser;
const QUERY = "from=2023-01&to=2025-12&vs=national";

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 3000, seed: 21, agencies: 30 });
  context = createTestContext(database);
  const { rows } = await sql<{ id: string }>`
    SELECT agency_id::VARCHAR AS id FROM report_protected WHERE agency_id IS NOT NULL GROUP BY 1
      ORDER BY count(*) DESC, 1 LIMIT 1`.execute(database.db);
  trainer = await signInTestUser(
    database.db,
    await createTestUser(database.db, "agency_trainer", { agencyId: rows[0]!.id }),
  );
  analyst = await signInTestUser(
    database.db,
    await createTestUser(database.db, "agency_analyst", { agencyId: rows[0]!.id }),
  );
});
afterAll(async () => {
  await database?.close();
});

const builder = (query: string) => callRoute(briefingPage, getAs(`/agency/briefing?${query}`, trainer), context);

describe("the briefing builder's reports to choose from", () => {
  it("pages through every matching report, keeping the chosen ones listed on every page", async () => {
    const first = await builder(QUERY);
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ page: 1, pageSize: 20 });
    expect(first.data.total).toBeGreaterThan(40);
    expect(first.data.pages).toBe(Math.ceil(first.data.total / 20));
    const mine = first.data.candidates[0].publicNumber as string;
    const second = await builder(`${QUERY}&page=2&report=${mine}`);
    expect(second.data.page).toBe(2);
    const onSecond = second.data.candidates.map((c: { publicNumber: string }) => c.publicNumber) as string[];
    expect(onSecond).toHaveLength(20);
    expect(
      onSecond.some((n) => first.data.candidates.some((c: { publicNumber: string }) => c.publicNumber === n)),
    ).toBe(false);
    expect(second.data.chosenElsewhere.map((c: { publicNumber: string }) => c.publicNumber)).toEqual([mine]);
    // Past the last page (a narrower search): the last page, not an empty list.
    const past = await builder(`${QUERY}&page=${first.data.pages + 5}`);
    expect(past.data.page).toBe(first.data.pages);
    expect(past.data.candidates.length).toBeGreaterThan(0);
  });

  it("searches the reports by their words", async () => {
    const all = await builder(QUERY);
    const searched = await builder(`${QUERY}&q=knives`);
    expect(searched.data.total).toBeGreaterThan(0);
    expect(searched.data.total).toBeLessThan(all.data.total);
  });

  it("keeps the schema the authority: a page number is checked, and more than eight reports is refused", () => {
    expect(parseBriefingSearch(new URLSearchParams("page=0"))).toMatchObject({
      ok: false,
      problems: [{ param: "page" }],
    });
    expect(parseBriefingSearch(new URLSearchParams("page=two"))).toMatchObject({ ok: false });
    const many = Array.from({ length: MAX_BRIEFING_REPORTS + 1 }, (_, i) => `report=2024-0000${i + 1}`).join("&");
    expect(parseBriefingSearch(new URLSearchParams(many))).toMatchObject({ ok: true, tooMany: true });
  });

  it("offers “Add to briefing” on a report page to a trainer (keeping the builder's choice), no analyst", async () => {
    const list = await builder(QUERY);
    const [kept, added] = list.data.candidates.map((c: { publicNumber: string }) => c.publicNumber) as string[];
    const from = new URLSearchParams(`${QUERY}&report=${kept}&page=3`).toString();
    const page = await callRoute(
      reportPage,
      getAs(`/reports/${added}?${new URLSearchParams({ briefing: from })}`, trainer),
      context,
      { publicNumber: added! },
    );
    expect(page.status).toBe(200);
    const href = new URL(page.data.briefing.href, "http://x");
    expect(href.pathname).toBe("/agency/briefing");
    expect(href.searchParams.getAll("report")).toEqual([kept, added]);
    expect(href.searchParams.get("from")).toBe("2023-01");
    expect(href.searchParams.has("page")).toBe(false);
    const again = await callRoute(
      reportPage,
      getAs(`/reports/${kept}?${new URLSearchParams({ briefing: from })}`, trainer),
      context,
      { publicNumber: kept! },
    );
    expect(again.data.briefing.chosen).toBe(true);
    const plain = await callRoute(reportPage, getAs(`/reports/${added}`, analyst), context, { publicNumber: added! });
    expect(plain.data.briefing).toBeNull();
  });
});
