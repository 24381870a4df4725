import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../app/load-context";
import { loader as bookApi } from "../../app/routes/api.v1.book";
import { loader as profileApi } from "../../app/routes/api.v1.profile";
import { loader as reportsApi } from "../../app/routes/api.v1.reports";
import { loader as trendsApi } from "../../app/routes/api.v1.trends";
import { createApiToken } from "../../db/api/api-tokens";
import type { OpenDatabase } from "../../db/open";
import { factors, incidentTypes, lossPotentials } from "../../domain/taxonomy/index";
import { type Expression, type Knowledge, pinnedTargets } from "../support/lp-attacker";
import { createTestUser, signInTestUser } from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createSeededTestDatabase } from "../support/test-database";

// The three attacks measured on per-request suppression, as a member with an API token runs them
// against the product: overlapping windows, peer figures differenced by an agency below the minimum,
// and one view's totals against its parts. Each first asks the questions that worked then (now refused
// by name), then solves by linear programming for every withheld figure the API answers, with everything
// the API released, the public library's counts and the member's own shared reports. Nothing may be pinned narrower
// than k.
const K = 10;
let database: OpenDatabase;
let context: AppContext;
let large: { id: string; token: string; region: string };
let small: { id: string; token: string; region: string; band: string };

async function tokenFor(agencyId: string): Promise<string> {
  const commander = await signInTestUser(
    database.db,
    await createTestUser(database.db, "agency_commander", { agencyId }),
  );
  return (await createApiToken(database.db, commander, { name: "attack", days: 30 })).token;
}

beforeAll(async () => {
  database = await createSeededTestDatabase({
    reports: 12_000,
    seed: 21,
    agencies: 60,
    privacy: { k: K, agencyMinReports: 30 },
  });
  context = createTestContext(database, { privacyK: K, agencyMinReports: 30 });
  const ranked = (
    await sql<{ id: string; n: number; region: string; band: string }>`
    SELECT p.agency_id::VARCHAR AS id, count(*)::INTEGER AS n, a.census_region AS region, a.size_band AS band
    FROM report_protected p JOIN agencies a ON a.id = p.agency_id GROUP BY ALL ORDER BY n DESC`.execute(database.db)
  ).rows;
  const top = ranked[0]!;
  const tiny = ranked.find((a) => a.n >= 5 && a.n < 40)!;
  large = { id: top.id, region: top.region, token: await tokenFor(top.id) };
  small = { id: tiny.id, region: tiny.region, band: tiny.band, token: await tokenFor(tiny.id) };
}, 300_000);
afterAll(async () => {
  await database?.close();
});

async function get(route: unknown, path: string, token: string) {
  const request = new Request(`http://127.0.0.1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const response = await (route as (a: object) => Promise<Response>)({ request, params: {}, context });
  return { status: response.status, body: await response.json() };
}

type Cell = number | { suppressed: true; reason: string };
interface Table {
  period: string;
  population: string;
  cells: Record<string, Cell>;
}

const MARGINS = [
  "n",
  ...incidentTypes.map((t) => `i:${t.code}`),
  ...factors.map((f) => `f:${f.code}`),
  ...lossPotentials.map((l) => `l:${l.code}`),
];

/** Public counts of the library by quarter (or year) of publication and cell, for one region or the nation. */
async function publicCounts(region: string | null): Promise<Map<string, number>> {
  const { rows } = await sql<{ y: number; q: number; key: string; n: number }>`
    WITH r AS (SELECT * FROM reports WHERE ${region}::VARCHAR IS NULL OR census_region = ${region}::VARCHAR)
    SELECT year(published_month)::INTEGER AS y, ((month(published_month) - 1) // 3 + 1)::INTEGER AS q, k AS key,
      count(*)::INTEGER AS n FROM (
      SELECT r.published_month, 'n' AS k FROM r
      UNION ALL SELECT r.published_month, 'i:' || r.incident_type FROM r
      UNION ALL SELECT r.published_month, 'l:' || r.loss_potential FROM r
      UNION ALL SELECT r.published_month, 'f:' || f.factor_code FROM r JOIN report_factors f ON f.report_id = r.id
      UNION ALL SELECT r.published_month, 'if:' || r.incident_type || ':' || f.factor_code FROM r
        JOIN report_factors f ON f.report_id = r.id
    ) GROUP BY ALL`.execute(database.db);
  const out = new Map<string, number>();
  for (const r of rows) {
    for (const period of [`${r.y}-Q${r.q}`, String(r.y)])
      out.set(`${period}|${r.key}`, (out.get(`${period}|${r.key}`) ?? 0) + r.n);
  }
  return out;
}

/** The member's own shared reports, counted from the API's report list (publication month and codes). */
async function sharedCounts(token: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (period: string, key: string) => out.set(`${period}|${key}`, (out.get(`${period}|${key}`) ?? 0) + 1);
  for (let page = 1; ; page++) {
    const answer = await get(reportsApi, `/api/v1/reports?size=100&page=${page}`, token);
    for (const r of answer.body.data as {
      publishedMonth: string;
      incidentType: { code: string };
      lossPotential: { code: string };
      factors: { code: string }[];
    }[]) {
      const y = r.publishedMonth.slice(0, 4);
      const quarter = `${y}-Q${Math.floor((Number(r.publishedMonth.slice(5, 7)) - 1) / 3) + 1}`;
      for (const period of [quarter, y]) {
        add(period, "n");
        add(period, `i:${r.incidentType.code}`);
        add(period, `l:${r.lossPotential.code}`);
        for (const f of r.factors) {
          add(period, `f:${f.code}`);
          add(period, `if:${r.incidentType.code}:${f.code}`);
        }
      }
    }
    if (page >= answer.body.meta.pages) return out;
  }
}

/**
 * The attacker's linear program over one agency's book as the API gave it: unknowns are the count-only
 * part of each agency cell and each peer cell; released cells are equations; the relations any set of
 * reports satisfies tie them; the public library and the member's shared reports bound them.
 */
function attackerModel(
  tables: Table[],
  shared: Map<string, number>,
  regional: Map<string, number>,
  national: Map<string, number>,
) {
  const index = new Map<string, number>();
  const k: Knowledge = { lower: [], upper: [], equalities: [], atMost: [] };
  const targets: { label: string; expression: Expression }[] = [];
  const unknown = (period: string, population: string, key: string) => {
    const id = `${period}|${population}|${key}`;
    let i = index.get(id);
    if (i === undefined) {
      i = k.lower.push(0) - 1;
      index.set(id, i);
      const pool = population === "peer_size" ? national : regional;
      k.upper.push(Math.max(0, (pool.get(`${period}|${key}`) ?? 0) - (shared.get(`${period}|${key}`) ?? 0)));
    }
    return i;
  };
  const own = (period: string, key: string) => shared.get(`${period}|${key}`) ?? 0;
  // value(agency) = shared + unknown; value(peer) = unknown.
  for (const t of tables) {
    if (t.population === "rest") continue;
    for (const [key, cell] of Object.entries(t.cells)) {
      const i = unknown(t.period, t.population, key);
      const offset = t.population === "agency" ? own(t.period, key) : 0;
      if (typeof cell === "number")
        k.equalities.push({
          expression: new Map([[i, 1]]),
          value: cell - offset,
          label: `${t.period} ${t.population} ${key}`,
        });
      else targets.push({ label: `${t.period} ${t.population} ${key}`, expression: new Map([[i, 1]]) });
    }
  }
  const has = (period: string, population: string, key: string) => index.has(`${period}|${population}|${key}`);
  const periods = [...new Set(tables.map((t) => t.period))];
  for (const period of periods) {
    for (const population of ["agency", "peer_size", "peer_region"]) {
      if (!has(period, population, "n")) continue;
      const u = (key: string) => unknown(period, population, key);
      const off = (key: string) => (population === "agency" ? own(period, key) : 0);
      // total = Σ types = Σ losses; each factor ≤ total; total ≤ Σ factors ≤ 5·total (in values: shared + unknown).
      for (const part of ["i", "l"]) {
        const keys = MARGINS.filter((m) => m.startsWith(`${part}:`));
        const e: Expression = new Map([[u("n"), 1]]);
        for (const key of keys) e.set(u(key), -1);
        const constant = off("n") - keys.reduce((s, key) => s + off(key), 0);
        k.equalities.push({ expression: e, value: -constant, label: `${period} ${population} n = Σ ${part}` });
      }
      const fs = MARGINS.filter((m) => m.startsWith("f:"));
      for (const f of fs)
        k.atMost.push({
          expression: new Map([
            [u(f), 1],
            [u("n"), -1],
          ]),
          bound: off("n") - off(f),
        });
      const sumF: Expression = new Map(fs.map((f) => [u(f), -1]));
      sumF.set(u("n"), 1);
      k.atMost.push({ expression: sumF, bound: fs.reduce((s, f) => s + off(f), 0) - off("n") });
      const fiveN: Expression = new Map(fs.map((f) => [u(f), 1]));
      fiveN.set(u("n"), -5);
      k.atMost.push({ expression: fiveN, bound: 5 * off("n") - fs.reduce((s, f) => s + off(f), 0) });
    }
    if (has(period, "agency", `if:${incidentTypes[0]!.code}:${factors[0]!.code}`)) {
      // The year's incident type × factor table: factor = Σ its column, (type, factor) ≤ type, type ≤ Σ row ≤ 5·type.
      const u = (key: string) => unknown(period, "agency", key);
      const off = (key: string) => own(period, key);
      for (const f of factors) {
        const e: Expression = new Map([[u(`f:${f.code}`), 1]]);
        let constant = off(`f:${f.code}`);
        for (const t of incidentTypes) {
          e.set(u(`if:${t.code}:${f.code}`), -1);
          constant -= off(`if:${t.code}:${f.code}`);
        }
        k.equalities.push({ expression: e, value: -constant, label: `${period} f = Σ column` });
      }
      for (const t of incidentTypes) {
        const row = factors.map((f) => `if:${t.code}:${f.code}`);
        for (const c of row)
          k.atMost.push({
            expression: new Map([
              [u(c), 1],
              [u(`i:${t.code}`), -1],
            ]),
            bound: off(`i:${t.code}`) - off(c),
          });
        const rowSum = row.reduce((s, c) => s + off(c), 0);
        const lower: Expression = new Map(row.map((c) => [u(c), -1]));
        lower.set(u(`i:${t.code}`), 1);
        k.atMost.push({ expression: lower, bound: rowSum - off(`i:${t.code}`) });
        const upper: Expression = new Map(row.map((c) => [u(c), 1]));
        upper.set(u(`i:${t.code}`), -5);
        k.atMost.push({ expression: upper, bound: 5 * off(`i:${t.code}`) - rowSum });
      }
    }
    if (!period.includes("Q")) {
      // year = Σ its quarters (agency), and agency + peers within the public figures.
      for (const key of MARGINS) {
        if (!has(period, "agency", key)) continue;
        const quarters = [1, 2, 3, 4].map((q) => `${period}-Q${q}`).filter((q) => has(q, "agency", key));
        if (quarters.length === 4) {
          const e: Expression = new Map([[unknown(period, "agency", key), 1]]);
          for (const q of quarters) e.set(unknown(q, "agency", key), -1);
          k.equalities.push({
            expression: e,
            value: quarters.reduce((s, q) => s + own(q, key), 0) - own(period, key),
            label: `${period} = Σ quarters ${key}`,
          });
        }
        for (const [population, pool] of [
          ["peer_region", regional],
          ["peer_size", national],
        ] as const) {
          if (!has(period, population, key)) continue;
          k.atMost.push({
            expression: new Map([
              [unknown(period, "agency", key), 1],
              [unknown(period, population, key), 1],
            ]),
            bound: (pool.get(`${period}|${key}`) ?? 0) - own(period, key),
          });
        }
      }
    }
  }
  return { knowledge: k, targets };
}

/** Years share no relation, so each year (its quarters and itself) is solved on its own. */
async function attackByYear(
  tables: Table[],
  shared: Map<string, number>,
  regional: Map<string, number>,
  national: Map<string, number>,
  keep: (label: string) => boolean,
): Promise<{ targets: number; found: Awaited<ReturnType<typeof pinnedTargets>> }> {
  const years = [...new Set(tables.map((t) => t.period.slice(0, 4)))];
  let count = 0;
  const found: Awaited<ReturnType<typeof pinnedTargets>> = [];
  for (const year of years) {
    const { knowledge, targets } = attackerModel(
      tables.filter((t) => t.period.startsWith(year)),
      shared,
      regional,
      national,
    );
    const chosen = targets.filter((t) => keep(t.label));
    count += chosen.length;
    found.push(...(await pinnedTargets(knowledge, chosen, K)));
  }
  return { targets: count, found };
}

describe("issue 14's attacks recover nothing", () => {
  it(
    "1. overlapping windows: the month windows are refused, and the book's periods pin no withheld cell",
    { timeout: 300_000 },
    async () => {
      for (const [route, path] of [
        [profileApi, "/api/v1/profile?from=2024-11&to=2026-10"],
        [profileApi, "/api/v1/profile?from=2024-12&to=2026-10"],
        [trendsApi, "/api/v1/trends?from=2024-11&to=2026-10"],
      ] as const) {
        const answer = await get(route, path, large.token);
        expect(answer.status, path).toBe(400);
        expect(answer.body.error.code).toBe("invalid_filters");
        expect(answer.body.error.message).toContain("“from” is not a parameter");
      }
      const book = await get(bookApi, "/api/v1/book", large.token);
      expect(book.status).toBe(200);
      const tables = book.body.data.tables as Table[];
      // The profile for every period answers the book's own cells (one source for every answer).
      for (const period of [...book.body.data.years, ...book.body.data.quarters] as string[]) {
        const profile = await get(profileApi, `/api/v1/profile?period=${period}`, large.token);
        expect(profile.status, period).toBe(200);
        const agency = tables.find((t) => t.period === period && t.population === "agency")!;
        const strip = (c: unknown) =>
          JSON.parse(
            JSON.stringify(c, (key, v) =>
              key === "label" && typeof v === "string" && v.startsWith("withheld") ? undefined : v,
            ),
          );
        expect(strip(profile.body.data.agencyReports)).toEqual(strip(agency.cells.n));
        for (const row of profile.body.data.rows as { factor: string; agency: { count: unknown } }[]) {
          expect(strip(row.agency.count), `${period} ${row.factor}`).toEqual(strip(agency.cells[`f:${row.factor}`]));
        }
      }
      const pinned = await attackByYear(
        tables,
        await sharedCounts(large.token),
        await publicCounts(large.region),
        await publicCounts(null),
        () => true,
      );
      expect(pinned.targets).toBeGreaterThan(50);
      expect(pinned.found, JSON.stringify(pinned.found.slice(0, 5))).toEqual([]);
    },
  );

  it(
    "2. peer differencing by an agency below the minimum: no month or quarter of peers exists, years pin nothing",
    { timeout: 300_000 },
    async () => {
      const months = await get(profileApi, "/api/v1/profile?vs=size&from=2025-01&to=2025-01", small.token);
      expect(months.status).toBe(400);
      const book = await get(bookApi, "/api/v1/book", small.token);
      const tables = book.body.data.tables as Table[];
      expect(tables.some((t) => t.population.startsWith("peer") && t.period.includes("Q"))).toBe(false);
      for (const t of tables.filter((x) => x.population === "agency"))
        expect(t.cells.n).toMatchObject({ suppressed: true, reason: "agency_minimum" });
      const peerCells = tables.filter((t) => t.population === "peer_size").flatMap((t) => Object.values(t.cells));
      expect(peerCells.some((c) => typeof c === "number")).toBe(true);
      const quarter = await get(
        profileApi,
        `/api/v1/profile?period=${book.body.data.quarters[0]}&vs=size`,
        small.token,
      );
      expect(quarter.body.data.referenceReports).toBeNull();
      const pinned = await attackByYear(
        tables,
        await sharedCounts(small.token),
        await publicCounts(small.region),
        await publicCounts(null),
        (label) => label.includes("peer"),
      );
      expect(pinned.targets).toBeGreaterThan(0);
      expect(pinned.found, JSON.stringify(pinned.found.slice(0, 5))).toEqual([]);
    },
  );

  it("3. a view's totals against its parts: a year less its released quarters never gives a withheld one", async () => {
    const tables = (await get(bookApi, "/api/v1/book", large.token)).body.data.tables as Table[];
    let compared = 0;
    for (const year of tables.filter((t) => t.population === "agency" && !t.period.includes("Q"))) {
      const quarters = [1, 2, 3, 4].map((q) =>
        tables.find((t) => t.population === "agency" && t.period === `${year.period}-Q${q}`)!,
      );
      for (const key of MARGINS) {
        const withheld = quarters.filter((q) => typeof q.cells[key] !== "number");
        if (typeof year.cells[key] === "number") {
          compared++;
          expect(
            withheld.length === 1,
            `${year.period} ${key}: the year and three quarters released, one withheld`,
          ).toBe(false);
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
