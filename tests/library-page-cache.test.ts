// The report library through the server's page cache (server/page-cache), the built app behind it: a
// kept page is rendered once per key, and each response still carries only its own request's nonce
// and session values; signed-in readers never get each other's pages; intake pages are never kept.
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../db/open";
import { type CachedPage, PAGE_CACHE_BUDGET_BYTES, pageCache } from "../server/page-cache/page-cache";
import { PageStore } from "../server/page-cache/page-store";
import { publishBatch } from "../orchestration/publication";
import { approveTestReport, testServerKey } from "./review/review-fixtures";
import { getPage, hasTrace, noncesIn, startCachedPagesServer } from "./support/cached-pages";
import { createTestAgency, createTestUser, signInTestUser, type SignedInTestUser } from "./support/test-accounts";
import { createTestContext } from "./support/test-context";
import { createSeededTestDatabase } from "./support/test-database";

const { key, text } = testServerKey();
let database: OpenDatabase;
let server: Server;
let port: number;
const store = new PageStore<CachedPage>(PAGE_CACHE_BUDGET_BYTES);
const people: Record<"a1" | "a2" | "b" | "agency", SignedInTestUser> = {} as never;

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 3000, seed: 1818, agencies: 40 });
  const a = await createTestUser(database.db, "reviewer");
  const b = await createTestUser(database.db, "reviewer");
  const agency = await createTestAgency(database.db, "Harbor Point PD");
  const analyst = await createTestUser(database.db, "agency_analyst", { agencyId: agency.id });
  // Distinct names, so that a page showing the wrong person is visible.
  for (const [id, name] of [
    [a.id, "Avery Quill"],
    [b.id, "Blake Rowan"],
    [analyst.id, "Casey Harbor"],
  ] as const) {
    await database.db.updateTable("users").set({ display_name: name }).where("id", "=", id).execute();
  }
  people.a1 = await signInTestUser(database.db, a);
  people.a2 = await signInTestUser(database.db, a); // a second session of the same person
  people.b = await signInTestUser(database.db, b);
  people.agency = await signInTestUser(database.db, analyst);
  ({ server, port } = await startCachedPagesServer(database, store, { intakeKey: text }));
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
});

const get = (pathname: string, options?: Parameters<typeof getPage>[2]) => getPage(port, pathname, options);

const SEARCH = "/reports?q=traffic+stop";

describe("the library through the page cache", () => {
  it("renders a page once, then serves it with each response's own nonce (gzip and plain)", async () => {
    const misses = store.counts.misses;
    const first = await get(SEARCH);
    expect(first.status).toBe(200);
    expect(store.counts.misses).toBe(misses + 1);
    const hits = store.counts.hits;
    const second = await get(SEARCH);
    const plain = await get(SEARCH, { gzip: false });
    expect(store.counts.hits).toBe(hits + 2);
    expect(second.headers["content-encoding"]).toBe("gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();

    for (const page of [first, second, plain]) {
      expect(page.status).toBe(200);
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(noncesIn(page.html).length).toBeGreaterThan(0);
      expect(new Set(noncesIn(page.html))).toEqual(new Set([page.nonce]));
    }
    expect(new Set([first.nonce, second.nonce, plain.nonce]).size).toBe(3);
    expect(hasTrace(second.html, first.nonce)).toBe(false);
    expect(hasTrace(plain.html, second.nonce)).toBe(false);
    expect(hasTrace(plain.html, first.nonce)).toBe(false);
    // The same page otherwise, nonce for nonce.
    expect(second.html).toBe(first.html.replaceAll(first.nonce, second.nonce));
    expect(plain.html).toBe(first.html.replaceAll(first.nonce, plain.nonce));
    expect(second.html).toContain("traffic stop");
  });

  it("waits for one render when many readers ask for the same new page at once", async () => {
    const misses = store.counts.misses;
    const pages = await Promise.all(Array.from({ length: 12 }, () => get("/reports?q=night")));
    expect(store.counts.misses).toBe(misses + 1);
    for (const page of pages) expect(new Set(noncesIn(page.html))).toEqual(new Set([page.nonce]));
  });

  it("gives a signed-in reader their own page: their name and this session's CSRF token, never another's", async () => {
    const anonymous = await get("/reports");
    const a1 = await get("/reports", { cookie: people.a1.cookie });
    const hits = store.counts.hits;
    const a2 = await get("/reports", { cookie: people.a2.cookie });
    expect(store.counts.hits).toBe(hits + 1); // the same person's page, kept once
    const b = await get("/reports", { cookie: people.b.cookie });
    const anonymousAgain = await get("/reports");

    expect(a1.html).toContain("Avery Quill");
    expect(a1.html).toContain(people.a1.csrf);
    expect(a2.html).toContain("Avery Quill");
    expect(a2.html).toContain(people.a2.csrf);
    expect(hasTrace(a2.html, people.a1.csrf)).toBe(false);
    expect(hasTrace(a1.html, people.a2.csrf)).toBe(false);
    expect(hasTrace(a2.html, a1.nonce)).toBe(false);
    expect(b.html).toContain("Blake Rowan");
    expect(b.html).toContain(people.b.csrf);
    for (const other of [people.a1.csrf, people.a2.csrf, "Avery Quill"]) expect(hasTrace(b.html, other)).toBe(false);
    for (const page of [anonymous, anonymousAgain]) {
      for (const secret of [people.a1.csrf, people.a2.csrf, people.b.csrf, "Avery Quill", "Blake Rowan", 'name="csrf"'])
        expect(hasTrace(page.html, secret)).toBe(false);
    }
    for (const page of [anonymous, a1, a2, b, anonymousAgain])
      expect(new Set(noncesIn(page.html))).toEqual(new Set([page.nonce]));
  });

  it("keeps 'shared with my agency' apart per agency reader", async () => {
    const agency = await get("/reports?mine=1", { cookie: people.agency.cookie });
    const reviewer = await get("/reports?mine=1", { cookie: people.b.cookie });
    expect(agency.html).toContain("Casey Harbor");
    expect(agency.html).not.toContain("needs an agency account");
    expect(reviewer.html).toContain("needs an agency account");
    expect(reviewer.html).not.toContain("Casey Harbor");
  });

  it("never keeps the intake pages: no-store, a fresh page each time, the store untouched", async () => {
    const before = { ...store.counts, size: store.size };
    for (const pathname of ["/report", "/receipt"]) {
      const first = await get(pathname);
      const second = await get(pathname);
      for (const page of [first, second]) {
        expect(page.status).toBe(200);
        expect(page.headers["cache-control"]).toBe("no-store");
        expect(page.headers["set-cookie"]).toBeUndefined();
        expect(new Set(noncesIn(page.html))).toEqual(new Set([page.nonce]));
      }
      expect(second.nonce).not.toBe(first.nonce);
    }
    expect({ ...store.counts, size: store.size }).toEqual(before);
    expect(() =>
      pageCache({
        views: [{ path: "/report", dataVersion: async () => "", key: async () => null }],
        context: createTestContext(database),
      }),
    ).toThrow(/intake/);
  });

  it("serves a publication at once: a page of an older data version is never shown", async () => {
    const before = await get("/reports");
    await approveTestReport(database.db, key);
    const batch = await publishBatch(database.db, key, {
      retentionDays: 30,
      runBy: null,
      privacy: { k: 10, agencyMinReports: 30 },
    });
    expect(batch.publicNumbers).toHaveLength(1);
    expect(before.html).not.toContain(batch.publicNumbers[0]!);
    const after = await get("/reports");
    expect(after.html).toContain(batch.publicNumbers[0]!);
  });

  it("keeps nothing for anonymous readers when the library is for members only", async () => {
    const membersStore = new PageStore<CachedPage>(PAGE_CACHE_BUDGET_BYTES);
    const members = await startCachedPagesServer(database, membersStore, { intakeKey: text, libraryAccess: "members" });
    try {
      const response = await fetch(`http://127.0.0.1:${members.port}/reports`, {
        redirect: "manual",
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/sign-in\?/);
      expect(membersStore.size).toBe(0);
    } finally {
      await new Promise((resolve) => members.server.close(resolve));
    }
  });

  it("renders other addresses of a page afresh without keeping them, and keeps no error page", async () => {
    const size = store.size;
    const reordered = await get("/reports?size=25&q=traffic+stop");
    const invalid = await get("/reports?page=0");
    expect(reordered.status).toBe(200);
    expect(reordered.html).toContain("traffic stop");
    expect(invalid.status).toBe(400);
    expect(store.size).toBe(size);
  });
});
