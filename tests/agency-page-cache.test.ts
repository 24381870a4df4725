// The agency dashboard through the server's page cache, the built app behind it: each member's page is
// rendered once per key and is theirs alone (their name, their session's CSRF token, their saved views);
// a saved view, a release of the book or a publication is on the next page; anything that is not the
// page's canonical address, a bad choice and a member without the dashboard go to Remix and are not kept.
import type { Server } from "node:http";
import { sql } from "kysely";
import { releaseBook } from "../analytics/release-book/release-job";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../db/open";
import { saveView } from "../db/saved-views/saved-views";
import { publishBatch } from "../orchestration/publication";
import { type CachedPage, PAGE_CACHE_BUDGET_BYTES } from "../server/page-cache/page-cache";
import { PageStore } from "../server/page-cache/page-store";
import { approveTestReport, testServerKey } from "./review/review-fixtures";
import { getPage, hasTrace, noncesIn, startCachedPagesServer } from "./support/cached-pages";
import { createTestUser, signInTestUser, type SignedInTestUser } from "./support/test-accounts";
import { createSeededTestDatabase } from "./support/test-database";

const { key, text } = testServerKey();
let database: OpenDatabase;
let server: Server;
let port: number;
let agencyId: string;
const store = new PageStore<CachedPage>(PAGE_CACHE_BUDGET_BYTES);
const people: Record<"commander" | "commander2" | "analyst" | "reviewer", SignedInTestUser> = {} as never;
const get = (pathname: string, who?: SignedInTestUser) => getPage(port, pathname, { cookie: who?.cookie });

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 3000, seed: 1818, agencies: 30 });
  // The agency with the most reports: its book has released figures to show.
  const { rows } = await sql<{ id: string }>`
    SELECT p.agency_id::VARCHAR AS id FROM report_protected p WHERE p.agency_id IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`.execute(database.db);
  agencyId = rows[0]!.id;
  const commander = await createTestUser(database.db, "agency_commander", { agencyId });
  const analyst = await createTestUser(database.db, "agency_analyst", { agencyId });
  const reviewer = await createTestUser(database.db, "reviewer");
  for (const [id, name] of [
    [commander.id, "Morgan Vale"],
    [analyst.id, "Riley Stone"],
  ] as const) {
    await database.db.updateTable("users").set({ display_name: name }).where("id", "=", id).execute();
  }
  people.commander = await signInTestUser(database.db, commander);
  people.commander2 = await signInTestUser(database.db, commander); // the same person's second session
  people.analyst = await signInTestUser(database.db, analyst);
  people.reviewer = await signInTestUser(database.db, reviewer);
  ({ server, port } = await startCachedPagesServer(database, store, { intakeKey: text }));
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
});

/** Counts what one step did to the store. */
async function counted<T>(step: () => Promise<T>): Promise<{ result: T; hits: number; misses: number }> {
  const before = { ...store.counts };
  const result = await step();
  return { result, hits: store.counts.hits - before.hits, misses: store.counts.misses - before.misses };
}

describe("the agency dashboard through the page cache", () => {
  it("renders a member's page once, then serves it with each response's own nonce and session token", async () => {
    const first = await counted(() => get("/agency?vs=size", people.commander));
    expect(first.misses).toBe(1);
    const again = await counted(() => get("/agency?vs=size", people.commander));
    const other = await counted(() => get("/agency?vs=size", people.commander2));
    expect(again.hits + other.hits).toBe(2);
    for (const page of [first.result, again.result, other.result]) {
      expect(page.status).toBe(200);
      expect(page.html).toContain("Morgan Vale");
      expect(new Set(noncesIn(page.html))).toEqual(new Set([page.nonce]));
    }
    expect(first.result.html).toContain(people.commander.csrf);
    expect(again.result.html).toBe(first.result.html.replaceAll(first.result.nonce, again.result.nonce));
    expect(other.result.html).toContain(people.commander2.csrf);
    expect(hasTrace(other.result.html, people.commander.csrf)).toBe(false);
    expect(hasTrace(other.result.html, first.result.nonce)).toBe(false);
  });

  it("never gives one member another member's page", async () => {
    const commander = await get("/agency", people.commander);
    const analyst = await counted(() => get("/agency", people.analyst));
    expect(analyst.misses).toBe(1);
    expect(analyst.result.html).toContain("Riley Stone");
    for (const secret of ["Morgan Vale", people.commander.csrf, people.commander2.csrf])
      expect(hasTrace(analyst.result.html, secret)).toBe(false);
    expect(commander.html).not.toContain("Riley Stone");
  });

  it("shows a saved view on the next page", async () => {
    const before = await get("/agency", people.commander);
    expect(before.html).not.toContain("Night shift by size");
    await saveView(database.db, people.commander.id, { name: "Night shift by size", path: "/agency?vs=size" });
    const after = await counted(() => get("/agency", people.commander));
    expect(after.misses).toBe(1);
    expect(after.result.html).toContain("Night shift by size");
    // The analyst's page does not change with the commander's views.
    const analyst = await counted(() => get("/agency", people.analyst));
    expect(analyst.hits).toBe(1);
    expect(analyst.result.html).not.toContain("Night shift by size");
  });

  it("shows a new release of the book on the next page", async () => {
    const before = await counted(() => get("/agency", people.commander));
    expect(before.hits).toBe(1);
    expect(before.result.html).toContain("up to 2026 Q3");
    // The release job closes 2026-Q4 (and the year 2026) three weeks into 2027.
    await releaseBook(database.db, { today: "2027-01-22", rules: { k: 10, agencyMinReports: 30 } });
    const after = await counted(() => get("/agency", people.commander));
    expect(after.misses).toBe(1);
    expect(after.result.html).toContain("up to 2026 Q4");
  });

  it("serves a publication at once: a page of an older data version is never shown", async () => {
    await get("/agency", people.commander);
    await approveTestReport(database.db, key);
    await publishBatch(database.db, key, { retentionDays: 30, runBy: null, privacy: { k: 10, agencyMinReports: 30 } });
    const after = await counted(() => get("/agency", people.commander));
    expect(after.misses).toBe(1);
  });

  it("keeps nothing for other addresses, bad choices, its data and members without the dashboard", async () => {
    const size = store.size;
    const before = { ...store.counts };
    const reordered = await get("/agency?vs=national", people.commander); // the default, written out
    const bad = await get("/agency?period=1999", people.commander);
    const retired = await get("/agency?grain=month", people.commander);
    const data = await get("/agency.data?vs=size", people.commander); // the page's data, for client navigation
    const reviewer = await get("/agency", people.reviewer);
    const anonymous = await get("/agency");
    expect(reordered.status).toBe(200);
    expect(bad.status).toBe(400);
    expect(retired.status).toBe(400);
    expect(data.status).toBe(200);
    expect(reviewer.status).toBe(403);
    expect(anonymous.status).toBe(302);
    // A well-formed choice the book cannot answer (period=1999) is rendered to learn that: counted, not kept.
    expect(store.size).toBe(size);
    expect(store.counts.stored).toBe(before.stored);
    expect(store.counts.hits).toBe(before.hits);
  });
});
