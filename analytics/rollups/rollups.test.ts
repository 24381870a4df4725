import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/open";
import { seedSyntheticData } from "../../db/synthetic/seed";
import { createTestDatabase } from "../../tests/support/test-database";
import { rebuildAnalyticsRollups } from "./rebuild-rollups";
import { refreshReportInRollups } from "./refresh-report";
import { readRollupVersion } from "./rollup-version";
import { parseAnalyticsFilters, resolveFilters } from "../filters";
import { windowTotal } from "../queries/slices";
import { AnalyticsSource } from "../source";

let database: OpenDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedSyntheticData(database.instance, database.db, { reports: 1500, seed: 5 });
});
afterAll(async () => {
  await database.close();
});

/** Every rollup row, in a canonical order, as text. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of [
    "analytics_reports",
    "analytics_report_factors",
    "analytics_cube_reports",
    "analytics_cube_factors",
    "analytics_month_factors",
    "analytics_month_loss_factors",
  ]) {
    const { rows } = await sql<{
      line: string;
    }>`SELECT t::VARCHAR AS line FROM ${sql.table(table)} t ORDER BY line`.execute(database.db);
    out[table] = rows.map((r) => r.line);
  }
  return out;
}

async function someReportIds(n: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM reports ORDER BY public_number LIMIT ${n}`.execute(
    database.db,
  );
  return rows.map((r) => r.id);
}

describe("analytics rollups", () => {
  it("the rebuild counts every published report and every cited factor once", async () => {
    await rebuildAnalyticsRollups(database.db);
    const { rows } = await sql<{
      facts: number;
      factors: number;
      cube: number;
      cubeFactors: number;
      masked: number;
      monthFactors: number;
      monthLossFactors: number;
    }>`
      SELECT (SELECT count(*) FROM analytics_reports) AS facts,
        (SELECT count(*) FROM analytics_report_factors) AS factors,
        (SELECT sum(reports) FROM analytics_cube_reports) AS cube,
        (SELECT sum(reports) FROM analytics_cube_factors) AS "cubeFactors",
        (SELECT sum(bit_count(factor_mask)) FROM analytics_reports) AS masked,
        (SELECT sum(reports) FROM analytics_month_factors) AS "monthFactors",
        (SELECT sum(reports) FROM analytics_month_loss_factors) AS "monthLossFactors"`.execute(database.db);
    const { rows: source } = await sql<{ n: number; f: number }>`
      SELECT (SELECT count(*) FROM reports) AS n, (SELECT count(*) FROM (SELECT DISTINCT * FROM report_factors))
        AS f`.execute(database.db);
    const f = source[0]!.f;
    expect(rows[0]).toEqual({
      facts: 1500,
      factors: f,
      cube: 1500,
      cubeFactors: f,
      masked: f,
      monthFactors: f,
      monthLossFactors: f,
    });
  });

  it("refreshing reports one by one after withdrawal, re-publication and re-coding equals a full rebuild", async () => {
    await rebuildAnalyticsRollups(database.db);
    const original = await snapshot();
    const ids = await someReportIds(25);
    const saved = await sql<
      Record<string, unknown>
    >`SELECT * FROM reports WHERE id IN (SELECT unnest(${ids}::UUID[]))`.execute(database.db);
    const savedFactors = await sql<
      Record<string, unknown>
    >`SELECT * FROM report_factors WHERE report_id IN (SELECT unnest(${ids}::UUID[]))`.execute(database.db);

    // Withdraw 25 reports: the rollups must lose exactly their contribution.
    await sql`DELETE FROM report_factors WHERE report_id IN (SELECT unnest(${ids}::UUID[]))`.execute(database.db);
    await sql`DELETE FROM reports WHERE id IN (SELECT unnest(${ids}::UUID[]))`.execute(database.db);
    for (const id of ids) await refreshReportInRollups(database.db, id);
    const withdrawn = await snapshot();
    await rebuildAnalyticsRollups(database.db);
    expect(withdrawn).toEqual(await snapshot());
    expect(withdrawn.analytics_reports).toHaveLength(1475);

    // Publish them again (twice: refreshing is idempotent).
    await database.db
      .insertInto("reports")
      .values(saved.rows as never)
      .execute();
    await database.db
      .insertInto("report_factors")
      .values(savedFactors.rows as never)
      .execute();
    for (const id of [...ids, ...ids]) await refreshReportInRollups(database.db, id);
    expect(await snapshot()).toEqual(original);

    // Re-code one report: other incident type, other factors.
    const id = ids[0]!;
    await sql`UPDATE reports SET incident_type = 'active_threat', loss_potential = 'fatality'
        WHERE id = ${id}::UUID`.execute(database.db);
    await sql`DELETE FROM report_factors WHERE report_id = ${id}::UUID`.execute(database.db);
    await sql`INSERT INTO report_factors VALUES (${id}::UUID, 'tc_crossfire'), (${id}::UUID, 'st_ambush')`.execute(
      database.db,
    );
    await database.db.transaction().execute((trx) => refreshReportInRollups(trx, id));
    const recoded = await snapshot();
    await rebuildAnalyticsRollups(database.db);
    expect(recoded).toEqual(await snapshot());
  });

  it("a publication changes the rollup version, so cached national figures are never served stale", async () => {
    await rebuildAnalyticsRollups(database.db);
    const filters = resolveFilters(parseAnalyticsFilters({ from: "2016-11", to: "2026-10" }), 0);
    const before = await windowTotal(new AnalyticsSource(database.db), { kind: "all" }, filters);
    const version = await readRollupVersion(database.db);
    const [id] = await someReportIds(1);
    const saved = await sql<Record<string, unknown>>`SELECT * FROM reports WHERE id = ${id}::UUID`.execute(database.db);
    await sql`DELETE FROM reports WHERE id = ${id}::UUID`.execute(database.db);
    // Two refreshes in one transaction (a batch publication) bump the version twice without conflict.
    await database.db.transaction().execute(async (trx) => {
      await refreshReportInRollups(trx, id!);
      await refreshReportInRollups(trx, id!);
    });
    expect(await readRollupVersion(database.db)).not.toBe(version);
    expect(await windowTotal(new AnalyticsSource(database.db), { kind: "all" }, filters)).toBe(before - 1);
    await database.db
      .insertInto("reports")
      .values(saved.rows as never)
      .execute();
    await refreshReportInRollups(database.db, id!);
    expect(await windowTotal(new AnalyticsSource(database.db), { kind: "all" }, filters)).toBe(before);
  });
});
