import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAnalyticsFilters } from "../analytics/filters";
import { getEmergingRisks } from "../analytics/get-emerging-risks";
import { getBookProfile } from "../analytics/agency-book/get-book-profile";
import { getTrends } from "../analytics/get-trends";
import { isSuppressed } from "../domain/figures";
import { DEFAULT_PRIVACY_RULES } from "../analytics/privacy/rules";
import { readAgencyBook } from "../analytics/release-book/read-book";
import { releaseBook } from "../analytics/release-book/release-job";
import { rebuildAnalyticsRollups } from "../analytics/rollups/rebuild-rollups";
import type { OpenDatabase } from "../db/open";
import groundTruth from "../db/synthetic/ground-truth.json";
import { seedSyntheticData } from "../db/synthetic/seed";
import { createTestDatabase } from "./support/test-database";

// The Foundation plants signals in the synthetic dataset (db/synthetic/ground-truth.json); the analytics
// must find them. 150,000 reports (seed 3) keep the monthly regional series out of small-number noise.
let database: OpenDatabase;
const privacy = DEFAULT_PRIVACY_RULES;
const signal = (id: string) => groundTruth.signals.find((s) => s.id === id)!;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedSyntheticData(database.instance, database.db, { reports: 150_000, seed: 3 });
  await rebuildAnalyticsRollups(database.db);
});
afterAll(async () => {
  await database.close();
});

describe("planted signals are found", () => {
  it("Metro City PD's radio-failure excess is flagged in its release book against the rest of the nation", async () => {
    // Agency figures exist only as released book cells (docs/design.md §6.1): release one year, then read
    // it. The release audits every partner agency, so this case has its own, smaller set of agencies.
    const s = signal("metro-radio-failures");
    const own = await createTestDatabase();
    try {
      await seedSyntheticData(own.instance, own.db, { reports: 30_000, seed: 3, agencies: 150 });
      await rebuildAnalyticsRollups(own.db);
      const { rows } = await sql<{
        id: string;
      }>`SELECT id::VARCHAR AS id FROM agencies WHERE name = ${s.agencyName!}`.execute(own.db);
      await sql`INSERT INTO app_meta (key, value) VALUES ('release_book_first_quarter', '2025-Q1')`.execute(own.db);
      await releaseBook(own.db, { today: "2026-01-15", upTo: "2025-Q4", rules: privacy });
      const profile = getBookProfile(await readAgencyBook(own.db, rows[0]!.id), {
        period: "2025",
        reference: "national",
      });
      const row = profile.rows.find((r) => r.factor === s.factor)!;
      expect(profile.flagged).toContain(s.factor);
      if (!row.prr || isSuppressed(row.prr)) throw new Error("PRR withheld");
      expect(row.prr.flagged).toBe(true);
      expect(row.prr.rule).toBe("lower_bound_above_1"); // (lower bound > 1 and a ≥ 5), with a ≥ k
      expect(row.prr.prr).toBeGreaterThan(1.7);
      expect(row.agency.count).toEqual(expect.any(Number));
      expect(row.agency.count as number).toBeGreaterThanOrEqual(privacy.k);
    } finally {
      await own.close();
    }
  }, 300_000);

  it("the Midwest struck-by share stays above its alert level from the planted month; ≤ 1 alarm before", async () => {
    // Alert rule tested: ICAO triggers on the monthly share (one month above mean + 3 SD, two above 2 SD or
    // three above 1 SD of the previous 12–24 months). Random months trip such a rule now and then (a few
    // per cent each), so the 24 months before may hold one isolated alarm, never a run of them.
    const s = signal("struck-by-rising-midwest");
    const trends = await getTrends(
      database.db,
      parseAnalyticsFilters({ censusRegion: s.censusRegion as "midwest", from: "2022-04", to: "2024-09" }),
      { kind: "public" },
      privacy,
    );
    const series = trends.series.find((x) => x.dimension === "factor" && x.code === s.factor)!;
    const isTriggered = (m: (typeof series.monthly)[number]) =>
      Boolean(m.alert && !isSuppressed(m.alert) && m.alert.triggered);
    const after = series.monthly.filter((m) => m.month >= s.fromMonth!);
    const firstAfter = after.findIndex(isTriggered);
    expect(firstAfter).toBeGreaterThanOrEqual(0);
    expect(after[firstAfter]!.month <= "2024-06").toBe(true); // found within a quarter of the planted month
    expect(after.slice(firstAfter).every(isTriggered)).toBe(true); // and it stays found
    const before = series.monthly.filter((m) => m.month < s.fromMonth!);
    expect(before).toHaveLength(24);
    expect(before.every((m) => m.alert && !isSuppressed(m.alert))).toBe(true); // every month had a baseline
    const falseAlarms = before.filter(isTriggered);
    expect(falseAlarms.length).toBeLessThanOrEqual(1);
    for (const m of falseAlarms) {
      const i = before.indexOf(m);
      expect([before[i - 1], before[i + 1]].some((n) => n && isTriggered(n))).toBe(false); // isolated
    }
  });

  it("emerging risks rank the Midwest struck-by series after the planted month (BH), not before", async () => {
    const s = signal("struck-by-rising-midwest");
    const after = await getEmergingRisks(
      database.db,
      parseAnalyticsFilters({ to: "2024-06" }),
      { kind: "public" },
      privacy,
    );
    const found = after.risks.find((r) => r.area === s.censusRegion && r.code === s.factor);
    expect(found).toMatchObject({ triggered: true, significant: true, dimension: "factor" });
    expect(found!.ratio!).toBeGreaterThan(1.5);
    expect(after.tests).toBeGreaterThan(200);
    const earlier = await getEmergingRisks(
      database.db,
      parseAnalyticsFilters({ to: "2024-03" }),
      { kind: "public" },
      privacy,
    );
    expect(earlier.risks.find((r) => r.area === s.censusRegion && r.code === s.factor)).toBeUndefined();
  });

  it("emerging risks find the national ambush cluster of 2025-Q3", async () => {
    const s = signal("ambush-cluster-2025q3");
    const risks = await getEmergingRisks(
      database.db,
      parseAnalyticsFilters({ to: s.toMonth! }),
      { kind: "public" },
      privacy,
    );
    expect(risks.risks.find((r) => r.area === "national" && r.code === s.factor)).toMatchObject({
      triggered: true,
      significant: true,
    });
  });
});
