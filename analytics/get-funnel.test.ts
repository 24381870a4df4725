import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../db/open";
import { seedSyntheticData } from "../db/synthetic/seed";
import { createTestDatabase } from "../tests/support/test-database";
import { parseAnalyticsFilters } from "./filters";
import { getFunnel } from "./get-funnel";
import { rebuildAnalyticsRollups } from "./rollups/rebuild-rollups";
import { funnelLimits } from "./stats/funnel-limits";
import { AnalyticsAccessError } from "./viewer";

let database: OpenDatabase;
const privacy = { k: 10, agencyMinReports: 30 };
beforeAll(async () => {
  database = await createTestDatabase();
  await seedSyntheticData(database.instance, database.db, { reports: 6000, seed: 12, agencies: 40 });
  await rebuildAnalyticsRollups(database.db);
});
afterAll(async () => {
  await database.close();
});

describe("getFunnel", () => {
  it("shows programme staff every agency above the minimum, with its counts and exact positions", async () => {
    const filters = parseAnalyticsFilters({ from: "2022-01", to: "2026-10" });
    const funnel = await getFunnel(database.db, filters, { kind: "national" }, privacy);
    const { rows } = await sql<{ id: string; name: string; n: number; radio: number }>`
      SELECT a.id::VARCHAR AS id, a.name, count(*) AS n,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM report_factors f WHERE f.report_id = r.id
          AND f.factor_code = 'eq_radio_failure')) AS radio
      FROM reports r JOIN report_protected p ON p.report_id = r.id JOIN agencies a ON a.id = p.agency_id
      WHERE r.event_month BETWEEN '2022-01-01'::DATE AND '2026-10-01'::DATE GROUP BY 1, 2`.execute(database.db);
    const above = rows.filter((r) => r.n >= 30);
    expect(funnel.agencies.map((a) => a.agencyId).sort()).toEqual(above.map((r) => r.id).sort());
    const radio = funnel.factors.find((f) => f.factor === "eq_radio_failure")!;
    for (const point of radio.points) {
      const agency = funnel.agencies[point.agency]!;
      const expected = above.find((r) => r.id === agency.agencyId)!;
      expect(agency).toMatchObject({ agencyName: expected.name, reports: expected.n });
      if (expected.radio > 0 && expected.radio < privacy.k) {
        expect(point.count).toEqual({ suppressed: true, reason: "below_k" });
        continue;
      }
      expect(point.count).toBe(expected.radio);
      const limits = funnelLimits(expected.n, radio.nationalShare!);
      const share = expected.radio / expected.n;
      expect(point.share).toBeCloseTo(share, 12);
      expect(point.position).toBe(
        share > limits.upper998
          ? "above_99_8"
          : share > limits.upper95
            ? "above_95"
            : share < limits.lower998
              ? "below_99_8"
              : share < limits.lower95
                ? "below_95"
                : "within",
      );
    }
    expect(radio.curve.length).toBeGreaterThan(5);
  });

  it("is not for the public, nor for agency members (their own figures come from their release books)", async () => {
    await expect(getFunnel(database.db, parseAnalyticsFilters({}), { kind: "public" }, privacy)).rejects.toThrow(
      AnalyticsAccessError,
    );
    const { rows } = await sql<{ id: string }>`SELECT id::VARCHAR AS id FROM agencies LIMIT 1`.execute(database.db);
    await expect(
      getFunnel(database.db, parseAnalyticsFilters({}), { kind: "agency", agencyId: rows[0]!.id }, privacy),
    ).rejects.toThrow(AnalyticsAccessError);
  });

  it("refuses an agency or peer scope in the filters: no per-request analytics describes one agency", () => {
    for (const scope of ["agency", "peer_size", "peer_region"]) {
      expect(() => parseAnalyticsFilters({ scope } as never)).toThrow(/scope/);
    }
  });
});
