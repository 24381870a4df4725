import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnalyticsFilters, parseAnalyticsFilters, scopes } from "../analytics/filters";
import { getDashboard } from "../analytics/get-dashboard";
import { getFactorProfile } from "../analytics/get-factor-profile";
import { factorMask } from "../analytics/queries/aggregate";
import { binMonths, binOf, type Grain, monthDate } from "../analytics/period";
import { isSuppressed } from "../analytics/privacy/figures";
import { rebuildAnalyticsRollups } from "../analytics/rollups/rebuild-rollups";
import { AnalyticsAccessError, type Viewer } from "../analytics/viewer";
import type { OpenDatabase } from "../db/open";
import { seedSyntheticData } from "../db/synthetic/seed";
import {
  assignments, censusRegions, factorFamilies, factors, incidentTypes, lightConditions, lossPotentials,
} from "../db/taxonomy/index";
import { readPayload } from "./support/analytics-payload";
import { recoverableCells } from "./support/recoverability-oracle";
import { createTestDatabase } from "./support/test-database";

// Property tests of docs/design.md §6 over every measure of the dashboard: random filters, viewers and privacy
// parameters on a small synthetic dataset with agencies of every size (many near k and the minimum).
let database: OpenDatabase;
let agencies: { id: string; name: string; size_band: string; census_region: string }[];
let agencyPool: string[];
const FIRST = 2016 * 12 + 10; // the synthetic decade: 2016-11 … 2026-10
const LAST = 2026 * 12 + 9;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedSyntheticData(database.instance, database.db, { reports: 12_000, seed: 21, agencies: 60 });
  await rebuildAnalyticsRollups(database.db);
  agencies = (await sql<{ id: string; name: string; size_band: string; census_region: string }>`
    SELECT id::VARCHAR AS id, name, size_band, census_region FROM agencies`.execute(database.db)).rows;
  // Agencies with linked reports, from the largest to ones with a handful.
  agencyPool = (await sql<{ id: string }>`SELECT agency_id::VARCHAR AS id FROM report_protected WHERE agency_id IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC, 1`.execute(database.db)).rows.map((r) => r.id);
});
afterAll(async () => {
  await database.close();
});

// Mostly unset, so that many cases keep agencies above their minimum (where small cells occur).
const optional = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const codes = <T extends { code: string }>(list: readonly T[]) => fc.constantFrom(...list.map((x) => x.code));

const filtersArb = fc
  .record({
    grain: fc.constantFrom<Grain>("month", "quarter", "year"),
    start: fc.integer({ min: FIRST, max: LAST }),
    length: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 12, max: 120 })),
    defaultPeriod: fc.boolean(),
    incidentType: optional(codes(incidentTypes)),
    factor: optional(codes(factors)),
    factorFamily: optional(codes(factorFamilies)),
    lossPotential: optional(codes(lossPotentials)),
    censusRegion: optional(codes(censusRegions)),
    light: optional(codes(lightConditions)),
    assignment: optional(codes(assignments)),
    scope: fc.constantFrom(...scopes),
  })
  .map(({ grain, start, length, defaultPeriod, factor, factorFamily, ...rest }) => {
    const end = Math.min(LAST, start + length - 1);
    const period = defaultPeriod ? {} : { from: binOf(grain, start), to: binOf(grain, end) };
    return parseAnalyticsFilters({ ...rest, grain, ...period, factor, factorFamily: factor ? undefined : factorFamily } as never);
  });

const viewerArb = fc.oneof(
  fc.constant<Viewer>({ kind: "public" }),
  fc.constant<Viewer>({ kind: "national" }),
  fc.integer({ min: 0, max: 10_000 }).map((i): Viewer => ({ kind: "agency", agencyId: agencyPool[i % agencyPool.length]! })),
);

const privacyArb = fc.record({ k: fc.integer({ min: 3, max: 12 }), agencyMinReports: fc.integer({ min: 5, max: 40 }) });

/** Reports and agencies of a peer group computed straight from the base tables (not the rollups). */
async function peerGroup(viewer: { agencyId: string }, filters: AnalyticsFilters, by: "size_band" | "region", window: { from: string; to: string }) {
  const own = agencies.find((a) => a.id === viewer.agencyId)!;
  const mask = factorMask(filters);
  const { rows } = await sql<{ agencies: number; reports: number }>`
    SELECT count(DISTINCT p.agency_id) AS agencies, count(*) AS reports
    FROM reports r JOIN report_protected p ON p.report_id = r.id JOIN agencies a ON a.id = p.agency_id
    WHERE p.agency_id <> ${viewer.agencyId}::UUID
      AND ${by === "size_band" ? sql`p.agency_size_band = ${own.size_band}` : sql`r.census_region = ${own.census_region}`}
      AND r.event_month BETWEEN ${window.from}::DATE AND ${window.to}::DATE
      AND (${filters.incidentType ?? null}::VARCHAR IS NULL OR r.incident_type = ${filters.incidentType ?? null})
      AND (${filters.lossPotential ?? null}::VARCHAR IS NULL OR r.loss_potential = ${filters.lossPotential ?? null})
      AND (${filters.censusRegion ?? null}::VARCHAR IS NULL OR r.census_region = ${filters.censusRegion ?? null})
      AND (${filters.light ?? null}::VARCHAR IS NULL OR r.light = ${filters.light ?? null})
      AND (${filters.assignment ?? null}::VARCHAR IS NULL OR r.assignment = ${filters.assignment ?? null})
      AND (${mask === null} OR EXISTS (SELECT 1 FROM report_factors f WHERE f.report_id = r.id
        AND list_position(${mask === null ? [] : factors.filter((_, i) => (mask >> BigInt(i)) & 1n).map((f) => f.code)}::VARCHAR[], f.factor_code) > 0))`
    .execute(database.db);
  return rows[0]!;
}

describe("analytics privacy properties (docs/design.md §6)", () => {
  it("for random filters, viewers and k: no released protected count in 1..k−1, nothing withheld recoverable from totals, no other agency's identity or counts", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(filtersArb, viewerArb, privacyArb, async (filters, viewer, privacy) => {
        let dashboard;
        try {
          dashboard = await getDashboard(database.db, filters, viewer, privacy);
        } catch (error) {
          expect(error).toBeInstanceOf(AnalyticsAccessError);
          expect(viewer.kind !== "agency" && filters.scope !== "national").toBe(true);
          return;
        }
        checked++;
        const publicProfile = await getFactorProfile(database.db, { ...filters, scope: "national" }, { kind: "public" }, privacy);
        const facts = readPayload(dashboard, publicProfile);

        // 1. Released protected counts are 0 or ≥ k.
        for (const c of facts.cells) {
          if (c.protected && typeof c.value === "number") expect(c.value === 0 || c.value >= privacy.k, c.key).toBe(true);
        }
        // 2. No withheld cell can be solved from the totals in the same result (unshown cells are unknown too).
        const withheld = new Set(facts.cells.filter((c) => isSuppressed(c.value)).map((c) => c.key));
        const unknown = new Set([...withheld, ...facts.cells.filter((c) => c.value === undefined).map((c) => c.key)]);
        expect(recoverableCells(facts.relations, unknown).filter((key) => withheld.has(key))).toEqual([]);

        // 3. An agency viewer never receives another agency's identity or counts.
        if (viewer.kind === "agency") {
          const json = JSON.stringify(dashboard);
          for (const a of agencies) {
            if (a.id === viewer.agencyId) continue;
            expect(json.includes(a.id), `another agency's id ${a.id}`).toBe(false);
            expect(json.includes(`"${a.name}"`), `another agency's name ${a.name}`).toBe(false);
          }
          expect(json.includes(viewer.agencyId)).toBe(false); // not even its own id: the session knows it
          expect(dashboard.funnel!.agencies).toEqual([{ reports: expect.anything() }]); // itself, without identity
          for (const f of dashboard.funnel!.factors) expect(f.points).toHaveLength(1);
          const ref = dashboard.factorProfile.referenceReports;
          if ((filters.scope === "peer_size" || filters.scope === "peer_region") && typeof ref === "number") {
            const w = dashboard.factorProfile.meta.window;
            const group = await peerGroup(viewer, filters, filters.scope === "peer_size" ? "size_band" : "region", {
              from: `${w.from}-01`, to: `${w.to}-01`,
            });
            expect(group.agencies).toBeGreaterThanOrEqual(3);
            expect(group.reports).toBeGreaterThanOrEqual(privacy.k);
            expect(ref).toBe(group.reports);
          }
        }
      }),
      { numRuns: 50, seed: 20261129 },
    );
    expect(checked).toBeGreaterThan(15);
  });

  it("quarterly agency series whose 12-month totals are whole quarters: no withheld quarter follows from the year total", async () => {
    // Agency and peer series are released by quarter only; when the window ends on a quarter's last month,
    // each 12-month total is exactly four released quarters (a case random filters rarely reach).
    let yearsChecked = 0;
    for (const agencyId of agencyPool.slice(0, 8)) { // the largest: they have quarters released and withheld
      for (const scope of ["agency", "peer_size"] as const) {
        const filters = parseAnalyticsFilters({ scope, grain: "quarter", from: "2023-Q4", to: "2025-Q3" });
        const privacy = { k: 10, agencyMinReports: 30 };
        const dashboard = await getDashboard(database.db, filters, { kind: "agency", agencyId }, privacy);
        yearsChecked += dashboard.trends.series.filter((x) => x.yearOverYear && x.monthly.length === 0).length;
        const publicProfile = await getFactorProfile(database.db, { ...filters, scope: "national" }, { kind: "public" }, privacy);
        const facts = readPayload(dashboard, publicProfile);
        const withheld = new Set(facts.cells.filter((c) => isSuppressed(c.value)).map((c) => c.key));
        const unknown = new Set([...withheld, ...facts.cells.filter((c) => c.value === undefined).map((c) => c.key)]);
        expect(recoverableCells(facts.relations, unknown).filter((key) => withheld.has(key)), `${scope} ${agencyId}`).toEqual([]);
      }
    }
    expect(yearsChecked).toBeGreaterThan(0);
  });

  it("a peer group of fewer than 3 other agencies is withheld: here Metro City PD shares its size band with one agency", async () => {
    const metro = agencies.find((a) => a.name === "Metro City Police Department")!;
    const others = agencies.filter((a) => a.size_band === metro.size_band && a.id !== metro.id);
    expect(others).toHaveLength(1);
    const d = await getDashboard(database.db, parseAnalyticsFilters({ scope: "peer_size" }), { kind: "agency", agencyId: metro.id }, { k: 10, agencyMinReports: 30 });
    expect(d.factorProfile.meta.gates.peer).toEqual({ open: false, reason: "peer_group_too_small" });
    expect(d.factorProfile.referenceReports).toEqual({ suppressed: true, reason: "peer_group_too_small" });
    expect(typeof d.factorProfile.subjectReports).toBe("number"); // its own figures stay open
    const reference = d.trends.series.filter((s) => s.population === "reference");
    expect(reference.length).toBeGreaterThan(0);
    for (const s of reference) for (const m of s.monthly) expect(m.count).toEqual({ suppressed: true, reason: "peer_group_too_small" });
    expect(JSON.stringify(d).includes(others[0]!.name)).toBe(false);
  });

  it("an agency below the minimum gets its own figures withheld as agency_minimum, never as zero", async () => {
    const small = agencyPool[agencyPool.length - 1]!;
    const d = await getDashboard(database.db, parseAnalyticsFilters({ scope: "agency" }), { kind: "agency", agencyId: small }, { k: 10, agencyMinReports: 30 });
    expect(d.factorProfile.meta.gates.agency).toEqual({ open: false, reason: "agency_minimum" });
    expect(d.factorProfile.subjectReports).toEqual({ suppressed: true, reason: "agency_minimum" });
    for (const row of d.factorProfile.rows) expect(row.subject.count).toEqual({ suppressed: true, reason: "agency_minimum" });
    expect(d.incidentFactorMatrix.reports).toEqual({ suppressed: true, reason: "agency_minimum" });
    // National figures stay available to it.
    const national = await getDashboard(database.db, parseAnalyticsFilters({ scope: "national" }), { kind: "agency", agencyId: small }, { k: 10, agencyMinReports: 30 });
    expect(typeof national.factorProfile.subjectReports).toBe("number");
  });
});

// Period helpers used above stay consistent with the filters' bins.
describe("period bins", () => {
  it("quarters and years cover whole months", () => {
    expect(binMonths("quarter", "2025-Q2")).toEqual({ from: 2025 * 12 + 3, to: 2025 * 12 + 5 });
    expect(monthDate(binMonths("year", "2024").to)).toBe("2024-12-01");
  });
});

describe("one verdict per figure across the measures of a dashboard", () => {
  it("a factor total withheld to protect the national-excluding-agency figure is withheld by every measure", async () => {
    // Hand-made data: the agency cites the factor in 40 reports, the rest of the nation in 2 (below k).
    // The factor profile must withhold the agency's 40 (else 42 − 40 = 2 leaks); so must the matrix, the
    // loss mix, co-occurrence, trends and the funnel, which all show the same total.
    const db = await createTestDatabase();
    try {
      const agencyId = "7d1f7a5e-0000-4000-8000-000000000001";
      await sql`INSERT INTO agencies (id, name, state, census_region, size_band, status, applied_at, is_synthetic)
        VALUES (${agencyId}::UUID, 'Test Agency', 'IL', 'midwest', '100-499', 'active', now(), true)`.execute(db.db);
      let n = 0;
      const add = async (agency: string | null, factorCodes: string[], month: string) => {
        const id = `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
        await sql`INSERT INTO reports (id, public_number, taxonomy_version, title, summary, lessons, incident_type, loss_potential,
            event_month, census_region, published_month)
          VALUES (${id}::UUID, ${`T-${n}`}, 1, 't', 's', 'l', 'traffic_stop', 'serious_injury', ${month}::DATE, 'midwest', ${month}::DATE)`.execute(db.db);
        await sql`INSERT INTO report_protected VALUES (${id}::UUID, 'IL', ${agency}::UUID, ${agency ? "100-499" : null}, ${agency ? "agency_stats" : "national"})`.execute(db.db);
        for (const f of factorCodes) await sql`INSERT INTO report_factors VALUES (${id}::UUID, ${f})`.execute(db.db);
      };
      for (let i = 0; i < 60; i++) await add(agencyId, i < 40 ? ["sa_lapse", "eq_less_lethal_failure"] : ["sa_lapse"], `2025-${String((i % 12) + 1).padStart(2, "0")}-01`);
      for (let i = 0; i < 300; i++) await add(null, i < 2 ? ["sa_lapse", "eq_less_lethal_failure"] : ["sa_lapse"], `2025-${String((i % 12) + 1).padStart(2, "0")}-01`);
      await rebuildAnalyticsRollups(db.db);
      const filters = parseAnalyticsFilters({ scope: "agency", from: "2025-01", to: "2025-12" });
      const privacy = { k: 10, agencyMinReports: 30 };
      const d = await getDashboard(db.db, filters, { kind: "agency", agencyId }, privacy);
      const f = "eq_less_lethal_failure";
      expect(d.factorProfile.rows.find((r) => r.factor === f)!.reference!.count).toEqual({ suppressed: true, reason: "below_k" });
      expect(isSuppressed(d.factorProfile.rows.find((r) => r.factor === f)!.subject.count)).toBe(true);
      expect(isSuppressed(d.incidentFactorMatrix.columns.find((c) => c.factor === f)!.reports)).toBe(true);
      expect(isSuppressed(d.lossPotentialMix.rows.find((r) => r.factor === f)!.subject.reports)).toBe(true);
      expect(isSuppressed(d.cooccurrence.factors.find((x) => x.factor === f)!.reports)).toBe(true);
      expect(isSuppressed(d.funnel!.factors.find((x) => x.factor === f)!.points[0]!.count)).toBe(true);
      const publicProfile = await getFactorProfile(db.db, { ...filters, scope: "national" }, { kind: "public" }, privacy);
      const facts = readPayload(d, publicProfile);
      const withheld = new Set(facts.cells.filter((c) => isSuppressed(c.value)).map((c) => c.key));
      const unknown = new Set([...withheld, ...facts.cells.filter((c) => c.value === undefined).map((c) => c.key)]);
      expect(recoverableCells(facts.relations, unknown).filter((key) => withheld.has(key))).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
