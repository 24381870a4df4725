import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../open";
import groundTruth from "./ground-truth.json";
import { seedSyntheticData } from "./seed";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const closecall = path.join(root, "bin", "closecall.mjs");

async function contentDigest(location: string): Promise<{ reports: number; digest: string }> {
  const database = await openDatabase({ location });
  try {
    const { rows } = await sql<{ reports: number; digest: string }>`
      SELECT count(*) AS reports, md5(string_agg(
        concat_ws('|', r.public_number, r.title, r.summary, r.lessons, r.incident_type, r.loss_potential,
          r.event_month, r.time_block, r.light, r.weather, r.officers_band, r.assignment, r.service_band,
          r.census_region, r.published_month, f.codes, p.state, p.agency_id, p.agency_size_band, p.consent_level),
        '\n' ORDER BY r.public_number)) AS digest
      FROM reports r
      JOIN report_protected p ON p.report_id = r.id
      JOIN (SELECT report_id, string_agg(factor_code, ',' ORDER BY factor_code) AS codes FROM report_factors
        GROUP BY 1) f
        ON f.report_id = r.id`.execute(database.db);
    return rows[0]!;
  } finally {
    await database.close();
  }
}

describe("synthetic dataset", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  // 60 agencies: seeding ends with the release book, which audits every agency (3,000 take ~45 s each time).
  it("`closecall seed --reports 1000 --seed 7` gives identical report content in two databases", async () => {
    const [a, b, c] = [0, 1, 2].map(() => mkdtempSync(path.join(tmpdir(), "closecall-seed-")));
    dirs.push(a!, b!, c!);
    await run(
      process.execPath,
      [closecall, "seed", "--reports", "1000", "--seed", "7", "--agencies", "60", "--db", a!],
      { cwd: root },
    );
    await run(
      process.execPath,
      [closecall, "seed", "--reports", "1000", "--seed", "7", "--agencies", "60", "--db", b!],
      { cwd: root },
    );
    await run(
      process.execPath,
      [closecall, "seed", "--reports", "1000", "--seed", "8", "--agencies", "60", "--db", c!],
      { cwd: root },
    );
    const [da, db, dc] = await Promise.all([a!, b!, c!].map((d) => contentDigest(path.join(d, "closecall.duckdb"))));
    expect(da!.reports).toBe(1000);
    expect(db).toEqual(da);
    expect(dc!.digest).not.toBe(da!.digest); // the digest does depend on the seed
  }, 300_000);
});

describe("planted signals (ground-truth.json)", () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openDatabase({ location: ":memory:" });
    await seedSyntheticData(database.instance, database.db, { reports: 80_000, seed: 11 });
  });
  afterAll(async () => {
    await database.close();
  });

  /** Share of the matching reports that cite `factor`. */
  async function share(factor: string, where: ReturnType<typeof sql>): Promise<{ n: number; share: number }> {
    const { rows } = await sql<{ n: number; share: number }>`
      SELECT count(*) AS n, avg(CASE WHEN EXISTS (
        SELECT 1 FROM report_factors f WHERE f.report_id = r.id AND f.factor_code = ${factor}) THEN 1.0 ELSE 0.0 END)
          AS share
      FROM reports r JOIN report_protected p ON p.report_id = r.id
      LEFT JOIN agencies a ON a.id = p.agency_id
      WHERE ${where}`.execute(database.db);
    return rows[0]!;
  }

  const signal = (id: string) => {
    const s = groundTruth.signals.find((x) => x.id === id);
    if (!s) throw new Error(`No signal ${id} in ground-truth.json`);
    return s;
  };

  it("struck-by rises in the Midwest from the planted month, and not elsewhere", async () => {
    const s = signal("struck-by-rising-midwest");
    const from = `${s.fromMonth}-01`;
    const before = await share(s.factor, sql`r.census_region = ${s.censusRegion} AND r.event_month < ${from}::DATE`);
    const after = await share(s.factor, sql`r.census_region = ${s.censusRegion} AND r.event_month >= ${from}::DATE`);
    const elsewhereBefore = await share(
      s.factor,
      sql`r.census_region <> ${s.censusRegion} AND r.event_month < ${from}::DATE`,
    );
    const elsewhereAfter = await share(
      s.factor,
      sql`r.census_region <> ${s.censusRegion} AND r.event_month >= ${from}::DATE`,
    );
    expect(after.n).toBeGreaterThan(1000);
    expect(after.share / before.share).toBeGreaterThan(1.8);
    expect(elsewhereAfter.share / elsewhereBefore.share).toBeLessThan(1.2);
  });

  it("the planted agency reports about twice the national share of its factor", async () => {
    const s = signal("metro-radio-failures");
    const agency = await share(s.factor, sql`a.name = ${s.agencyName}`);
    const rest = await share(s.factor, sql`(a.name IS NULL OR a.name <> ${s.agencyName})`);
    expect(agency.n).toBeGreaterThan(500);
    expect(agency.share / rest.share).toBeGreaterThan(1.7);
  });

  it("ambush clusters nationally in the planted quarter", async () => {
    const s = signal("ambush-cluster-2025q3");
    const inside = await share(
      s.factor,
      sql`r.event_month BETWEEN ${`${s.fromMonth}-01`}::DATE AND ${`${s.toMonth}-01`}::DATE`,
    );
    const sameMonthsOtherYears = await share(
      s.factor,
      sql`month(r.event_month) BETWEEN 7 AND 9 AND year(r.event_month) <> 2025`,
    );
    expect(inside.share / sameMonthsOtherYears.share).toBeGreaterThan(2);
  });

  it("has the shape of a national programme: many agencies, a few large ones, seasonality", async () => {
    const { rows } = await sql<{ agencies: number; top5: number; linked: number; summer: number; winter: number }>`
      WITH per_agency AS (SELECT agency_id, count(*) AS n FROM report_protected WHERE agency_id IS NOT NULL GROUP BY 1)
      SELECT (SELECT count(*) FROM per_agency) AS agencies,
        (SELECT sum(n) FROM (SELECT n FROM per_agency ORDER BY n DESC LIMIT 5)) / (SELECT sum(n) FROM per_agency)
          AS top5,
        (SELECT count(*) FROM report_protected WHERE agency_id IS NOT NULL) / 80000 AS linked,
        (SELECT count(*) FROM reports WHERE month(event_month) = 7) AS summer,
        (SELECT count(*) FROM reports WHERE month(event_month) = 1) AS winter`.execute(database.db);
    const shape = rows[0]!;
    expect(shape.agencies).toBeGreaterThan(1500);
    expect(shape.top5).toBeGreaterThan(0.08);
    expect(shape.linked).toBeGreaterThan(0.4);
    expect(shape.summer).toBeGreaterThan(shape.winter * 1.1);
  });
});
