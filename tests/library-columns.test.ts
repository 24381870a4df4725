import { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../app/auth/session-user.server";
import type { AppLoadContext } from "@remix-run/node";
import { loader as homeLoader } from "../app/routes/_index";
import { loader as reportLoader } from "../app/routes/reports.$publicNumber";
import { loader as explorerLoader } from "../app/routes/reports._index";
import { loader as feedLoader } from "../app/routes/reports.feed[.]atom";
import type { Database } from "../db/database";
import { DuckDBDialect } from "../db/dialect/duckdb-dialect";
import type { OpenDatabase } from "../db/open";
import { createLibraryDatabase, libraryContext } from "./support/library-database";
import { createTestContext } from "./support/test-context";

// Only published, de-identified columns reach a library page (docs/design.md §6). Checked three ways on what
// the loaders return and on every SQL statement they run.
let sessionUser: SessionUser | null = null;
vi.mock("../app/auth/session-user.server", () => ({ getSessionUser: async () => sessionUser }));

let database: OpenDatabase;
let context: AppLoadContext;
const statements: string[] = [];
let agencyId: string;

beforeAll(async () => {
  database = await createLibraryDatabase(3000, 3);
  const logged = new Kysely<Database>({
    dialect: new DuckDBDialect({ instance: database.instance }),
    log: (event) => void statements.push(event.query.sql),
  });
  context = libraryContext({ ...createTestContext(database), db: logged, analytics: logged });
  const row = await database.db
    .selectFrom("report_protected")
    .select("agency_id")
    .where("consent_level", "=", "agency_share")
    .groupBy("agency_id")
    .orderBy((eb) => eb.fn.countAll(), "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  agencyId = row.agency_id!;
});
afterAll(async () => {
  await context.db.destroy();
  await database.close();
});

/** The fields of a report that a page may show: reports' published columns and derived codes. */
const PUBLISHED_FIELDS = new Set([
  "publicNumber",
  "taxonomyVersion",
  "title",
  "summary",
  "lessons",
  "snippet",
  "incidentType",
  "lossPotential",
  "eventMonth",
  "timeBlock",
  "light",
  "weather",
  "officersBand",
  "assignment",
  "serviceBand",
  "censusRegion",
  "publishedMonth",
  "factorCodes",
  "sharedFactors",
  "sameIncidentType",
  "chosen",
]);
const FORBIDDEN_KEYS =
  /^(id|reportId|report_id|docId|doc_id|agency.*|state|consent.*|sizeBand|size_band|agency_size_band)$/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every key and every string in a loader's answer, with the report-shaped objects. */
function walk(
  value: unknown,
  out = { keys: new Set<string>(), strings: [] as string[], reports: [] as Record<string, unknown>[] },
) {
  if (typeof value === "string") out.strings.push(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, out));
  else if (value && typeof value === "object") {
    if ("publicNumber" in value) out.reports.push(value as Record<string, unknown>);
    for (const [k, v] of Object.entries(value)) {
      out.keys.add(k);
      walk(v, out);
    }
  }
  return out;
}

const request = (path: string) => new Request(`http://library.test${path}`);

async function pages() {
  const explorer = await explorerLoader({
    request: request("/reports?q=radio&factor=eq_radio_failure&loss=fatality&loss=serious_injury"),
    params: {},
    context,
  });
  const first = explorer.result.rows[0]!;
  const report = await reportLoader({
    request: request(`/reports/${first.publicNumber}`),
    params: { publicNumber: first.publicNumber },
    context,
  });
  const home = await homeLoader({ request: request("/"), params: {}, context });
  return { explorer, report, home };
}

describe("what reaches a library page", () => {
  it("only published report fields, no internal ids, nothing protected", async () => {
    sessionUser = null;
    const answers = await pages();
    for (const [name, answer] of Object.entries(answers)) {
      const { keys, strings, reports } = walk(answer);
      expect(reports.length, name).toBeGreaterThan(0);
      for (const report of reports)
        for (const key of Object.keys(report)) expect(PUBLISHED_FIELDS.has(key), `${name}: ${key}`).toBe(true);
      expect(
        [...keys].filter((k) => FORBIDDEN_KEYS.test(k)),
        name,
      ).toEqual([]);
      expect(
        strings.filter((s) => UUID.test(s)),
        name,
      ).toEqual([]);
    }
    const feed = await feedLoader({ request: request("/reports/feed.atom"), params: {}, context });
    expect(await feed.text()).not.toMatch(UUID);
  });

  it("library SQL never reads protected fields, except the agency scope taken from the session", async () => {
    sessionUser = { id: crypto.randomUUID(), email: "a@x.test", displayName: "A", role: "agency_analyst", agencyId };
    statements.length = 0;
    await pages();
    const scoped = await explorerLoader({ request: request("/reports?mine=1"), params: {}, context });
    expect(scoped.result.total).toBeGreaterThan(0);
    await feedLoader({ request: request("/reports/feed.atom"), params: {}, context });
    expect(statements.length).toBeGreaterThan(10);
    const scope =
      String.raw`d\.report_id IN \(\s*SELECT p\.report_id FROM report_protected p\s*` +
      String.raw`WHERE p\.consent_level = 'agency_share' AND p\.agency_id = \$\d+::UUID\)`;
    const protectedNames = /report_protected|\bstate\b|agency_id|agency_size_band|consent_level|\bagencies\b/;
    expect(statements.filter((s) => new RegExp(scope).test(s)).length).toBeGreaterThan(0);
    for (const statement of statements)
      expect(statement.replace(new RegExp(scope, "g"), "<agency scope>")).not.toMatch(protectedNames);
  });

  it("the agency scope shows exactly the reports shared with the session user's agency", async () => {
    sessionUser = { id: crypto.randomUUID(), email: "a@x.test", displayName: "A", role: "agency_commander", agencyId };
    const scoped = await explorerLoader({ request: request("/reports?mine=1&size=100"), params: {}, context });
    const shared = await database.db
      .selectFrom("report_protected as p")
      .innerJoin("reports as r", "r.id", "p.report_id")
      .select("r.public_number")
      .where("p.consent_level", "=", "agency_share")
      .where("p.agency_id", "=", agencyId)
      .execute();
    expect(scoped.result.total).toBe(shared.length);
    const sharedNumbers = new Set(shared.map((s) => s.public_number));
    expect(scoped.result.rows.length).toBe(Math.min(100, shared.length));
    for (const row of scoped.result.rows) expect(sharedNumbers.has(row.publicNumber)).toBe(true);
    // A programme role has no agency: the filter is dropped with a notice, never widened or guessed.
    sessionUser = { id: crypto.randomUUID(), email: "r@x.test", displayName: "R", role: "reviewer", agencyId };
    const reviewer = await explorerLoader({ request: request("/reports?mine=1"), params: {}, context });
    expect(reviewer.canFilterAgency).toBe(false);
    expect(reviewer.notices.join(" ")).toMatch(/agency account/);
    expect(reviewer.result.total).toBe(3000);
  });
});
