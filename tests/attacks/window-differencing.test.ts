import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AppContext } from "../../app/load-context";
import { loader as profileApi } from "../../app/routes/api.v1.profile";
import { loader as trendsApi } from "../../app/routes/api.v1.trends";
import { createApiToken } from "../../db/exports/api-tokens";
import type { OpenDatabase } from "../../db/open";
import { type Expression, type Knowledge, pinnedTargets } from "../support/lp-attacker";
import { createTestUser, signInTestUser } from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createSeededTestDatabase } from "../support/test-database";

// Issue 14's first attack, as a member with an API token would run it: overlapping windows of
// /api/v1/profile, solved by linear programming for the months /api/v1/trends withholds.
let database: OpenDatabase;
let context: AppContext;
let token: string;
const K = 10;

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 12_000, seed: 21, agencies: 60 });
  context = createTestContext(database, { privacyK: K });
  const { rows } = await sql<{ id: string }>`SELECT agency_id::VARCHAR AS id FROM report_protected WHERE agency_id IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(database.db);
  const commander = await signInTestUser(database.db, await createTestUser(database.db, "agency_commander", { agencyId: rows[0]!.id }));
  token = (await createApiToken(database.db, commander, { name: "attack", days: 30 })).token;
});
afterAll(async () => {
  await database?.close();
});

async function get(route: unknown, path: string) {
  const request = new Request(`http://127.0.0.1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const response = await (route as (a: object) => Promise<Response>)({ request, params: {}, context });
  return { status: response.status, body: await response.json() };
}

const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

it("overlapping windows of the profile do not pin any month the trends withhold", async () => {
  const first = 2024 * 12 + 10; // 2024-11 … 2026-10, as in the issue
  const last = 2026 * 12 + 9;
  const n = last - first + 1;
  // Unknowns: the agency's reports in each month; the public library bounds each by the nation's count.
  const knowledge: Knowledge = { lower: new Array(n).fill(0), upper: new Array(n).fill(1e6), equalities: [], atMost: [] };
  const window = (a: number, b: number): Expression => new Map(Array.from({ length: b - a + 1 }, (_, i) => [a - first + i, 1]));
  for (let a = first; a <= last; a++) {
    for (const [from, to] of [[a, last], [first, a]] as const) {
      const answer = await get(profileApi, `/api/v1/profile?from=${month(from)}&to=${month(to)}`);
      if (answer.status !== 200) continue; // a question the product refuses tells nothing
      const value = answer.body.data.subjectReports;
      if (typeof value === "number") knowledge.equalities.push({ expression: window(from, to), value, label: `${month(from)}..${month(to)}` });
    }
  }
  const trends = await get(trendsApi, `/api/v1/trends?from=${month(first)}&to=${month(last)}`);
  const total = (trends.body.data?.series ?? []).find((s: { population: string; dimension: string }) => s.population === "subject" && s.dimension === "total");
  const targets = (total?.monthly ?? [])
    .filter((m: { count: unknown }) => typeof m.count === "object")
    .map((m: { month: string }) => {
      const i = Number(m.month.slice(0, 4)) * 12 + Number(m.month.slice(5, 7)) - 1;
      return { label: `withheld month ${m.month}`, expression: window(i, i) };
    });
  const pinned = await pinnedTargets(knowledge, targets, K);
  console.log(`released windows: ${knowledge.equalities.length}; withheld months: ${targets.length}; pinned: ${pinned.length}`);
  for (const p of pinned.slice(0, 12)) console.log(`  ${p.label}: ${p.min}..${p.max}`);
  expect(pinned).toEqual([]);
});
