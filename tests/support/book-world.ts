// Small synthetic worlds for the release book's attacker test (docs/design.md §6.1): partner agencies of varied
// sizes (some near k and the minimum, one or two large enough for the incident type × factor table),
// in a few census regions and size bands so that peer groups both pass and fail their gates, with
// reports over two or three years of publication quarters written straight into DuckDB.
// fast-check draws the shape of a world; a seeded generator expands it into reports, so that a failing
// case is reproduced from its fast-check seed (and shrinking, which would re-release every world, is off).
import fc from "fast-check";
import { sql } from "kysely";
import type { OpenDatabase } from "../../db/open";
import { BulkAppender } from "../../db/synthetic/bulk-append";
import {
  agencySizeBands,
  censusRegions,
  factors,
  incidentTypes,
  lossPotentials,
  MAX_FACTORS_PER_REPORT,
} from "../../domain/taxonomy/index";
import { randomSource } from "./book-dataset";

/** How many reports an agency has, relative to the world's rules (so that cells fall near k and the gates). */
export type AgencyKind = "tiny" | "near_k" | "near_minimum" | "medium" | "large";

export interface WorldAgencySpec {
  kind: AgencyKind;
  region: number;
  band: number;
  /** Share of its linked reports whose officer chose "share with my agency's team". */
  share: number;
  /** Some of its reports carry another size band (the agency changed band): peer groups count by the report's. */
  bandDrift: boolean;
}

export interface WorldSpec {
  seed: number;
  k: number;
  agencyMinReports: number;
  firstYear: number;
  years: number;
  /** The book's first quarter within the first year (3: the first year is never released as a year). */
  startQuarter: 1 | 3;
  /** The last released quarter within the last year (2: the last year's year table is not due yet). */
  endQuarter: 2 | 4;
  /** Indexes into the census regions used by the agencies (reports with no agency exist in all four). */
  regions: number[];
  bands: number[];
  agencies: WorldAgencySpec[];
  /** Release quarter by quarter (reports of a quarter inserted only before its release) or all at once. */
  incremental: boolean;
}

/** A world: 6–12 partner agencies (one or two large), two or three years, k 5..12, minimum 10..40. */
export const worldArb: fc.Arbitrary<WorldSpec> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    k: fc.integer({ min: 5, max: 12 }),
    agencyMinReports: fc.integer({ min: 10, max: 40 }),
    years: fc.integer({ min: 2, max: 3 }),
    startQuarter: fc.constantFrom<1 | 3>(1, 1, 3),
    endQuarter: fc.constantFrom<2 | 4>(4, 4, 2),
    regions: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 2, maxLength: 3 }),
    bands: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 2, maxLength: 3 }),
    small: fc.array(
      fc.record({
        kind: fc.constantFrom<AgencyKind>("tiny", "near_k", "near_k", "near_minimum", "near_minimum", "medium"),
        region: fc.nat(),
        band: fc.nat(),
        share: fc.constantFrom(0, 0.2, 0.4, 0.6, 0.9),
        bandDrift: fc.boolean(),
      }),
      { minLength: 5, maxLength: 10 },
    ),
    large: fc.array(fc.record({ region: fc.nat(), band: fc.nat(), share: fc.constantFrom(0.2, 0.4, 0.6) }), {
      minLength: 1,
      maxLength: 2,
    }),
    incremental: fc.boolean(),
  })
  .map(({ small, large, ...w }) => ({
    ...w,
    // Quarter by quarter, the job audits each year's group again at every release: two years keep the
    // file within a few minutes on two shared cores.
    years: w.incremental ? 2 : w.years,
    firstYear: 2023,
    agencies: [
      ...large.map((a) => ({
        kind: "large" as const,
        region: a.region % w.regions.length,
        band: a.band % w.bands.length,
        share: a.share,
        bandDrift: false,
      })),
      // A drifting band is rare in practice: one agency in four of those drawn with it.
      ...small.map((a, i) => ({
        ...a,
        region: a.region % w.regions.length,
        band: a.band % w.bands.length,
        bandDrift: a.bandDrift && i % 4 === 0,
      })),
    ],
  }));

/** mulberry32: a small seeded generator, so that a world's reports follow from its seed alone. */
export const seededRandom = randomSource;

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "8";
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Index drawn with weights ∝ 1/(rank+1)^s: a few common codes and a long tail of small cells. */
function zipf(random: () => number, n: number, s: number, order: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += 1 / (i + 1) ** s;
  let u = random() * total;
  for (let i = 0; i < n; i++) {
    u -= 1 / (i + 1) ** s;
    if (u <= 0) return order[i]!;
  }
  return order[n - 1]!;
}

function shuffled(random: () => number, n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface WorldAgency {
  id: string;
  name: string;
  region: string;
  band: string;
  spec: WorldAgencySpec;
}

export interface WorldReport {
  id: string;
  quarter: string;
  publishedMonth: string;
  region: string;
  incident: string;
  loss: string;
  factors: string[];
  agencyId: string | null;
  band: string | null;
  consent: "national" | "agency_stats" | "agency_share";
}

export interface World {
  spec: WorldSpec;
  agencies: WorldAgency[];
  /** Quarters of publication in order ("2023-Q1" …), the book's first and the last one released. */
  quarters: string[];
  firstQuarter: string;
  lastQuarter: string;
  reports: WorldReport[];
}

/** Reports per quarter an agency of this kind has (drawn per quarter, so gates open in some and not others). */
function quarterVolume(kind: AgencyKind, w: WorldSpec, random: () => number): number {
  const minimum = Math.max(w.k, w.agencyMinReports);
  const around = (centre: number, spread: number) => Math.max(0, Math.round(centre + (random() * 2 - 1) * spread));
  switch (kind) {
    case "tiny":
      return around(1, 1.5);
    case "near_k":
      return around(w.k / 2, w.k / 2); // a year near 2k: small cells everywhere
    case "near_minimum":
      return around(minimum / 4 + 1, 4); // the year near the minimum; quarters below it
    case "medium":
      return around(minimum, minimum / 2); // quarters on both sides of the minimum
    case "large":
      return around(6 * w.k, 2 * w.k); // ~24k a year: the type × factor table opens in most years
  }
}

/** Expands a world's shape into agencies and reports (deterministic for its seed). */
export function buildWorld(w: WorldSpec): World {
  const random = seededRandom(w.seed);
  const typeOrder = shuffled(random, incidentTypes.length);
  const factorOrder = shuffled(random, factors.length);
  const lossOrder = [2, 3, 1, 0]; // minor, property, serious, fatality: fatalities rare
  const agencies: WorldAgency[] = w.agencies.map((a, i) => ({
    id: uuid(random),
    name: `World agency ${i + 1} (${a.kind})`,
    region: censusRegions[w.regions[a.region]!]!.code,
    band: agencySizeBands[w.bands[a.band]!]!.code,
    spec: a,
  }));
  const quarters: string[] = [];
  for (let y = 0; y < w.years; y++) for (let q = 1; q <= 4; q++) quarters.push(`${w.firstYear + y}-Q${q}`);
  const firstQuarter = `${w.firstYear}-Q${w.startQuarter}`;
  const lastQuarter = `${w.firstYear + w.years - 1}-Q${w.endQuarter}`;
  const released = quarters.slice(quarters.indexOf(firstQuarter), quarters.indexOf(lastQuarter) + 1);
  const reports: WorldReport[] = [];
  const report = (quarter: string, region: string, agency: WorldAgency | null, typeShift: number): void => {
    const year = Number(quarter.slice(0, 4));
    const month = (Number(quarter.slice(-1)) - 1) * 3 + 1 + Math.floor(random() * 3);
    const nFactors = [1, 1, 1, 2, 2, 2, 3, 3, 4, 5][Math.floor(random() * 10)]!;
    const chosen = new Set<number>();
    while (chosen.size < Math.min(nFactors, MAX_FACTORS_PER_REPORT))
      chosen.add(zipf(random, factors.length, 1.1, factorOrder));
    const order = typeOrder.map((_, i) => typeOrder[(i + typeShift) % typeOrder.length]!);
    let band = agency?.band ?? null;
    if (agency?.spec.bandDrift && random() < 0.3)
      band =
        agencySizeBands[(agencySizeBands.findIndex((b) => b.code === agency.band) + 1) % agencySizeBands.length]!.code;
    reports.push({
      id: uuid(random),
      quarter,
      publishedMonth: `${year}-${String(month).padStart(2, "0")}-01`,
      region,
      incident: incidentTypes[zipf(random, incidentTypes.length, 1.2, order)]!.code,
      loss: lossPotentials[zipf(random, lossPotentials.length, 1.3, lossOrder)]!.code,
      factors: [...chosen].map((f) => factors[f]!.code),
      agencyId: agency?.id ?? null,
      band,
      consent: agency ? (random() < agency.spec.share ? "agency_share" : "agency_stats") : "national",
    });
  };
  for (const quarter of quarters) {
    // Reports no agency is linked to: every region has some (the public regional figures).
    for (const r of censusRegions) {
      const used = agencies.some((a) => a.region === r.code);
      const n = Math.round((used ? 25 : 15) + random() * (used ? 50 : 25));
      for (let i = 0; i < n; i++) report(quarter, r.code, null, 0);
    }
    agencies.forEach((a, i) => {
      const n = quarterVolume(a.spec.kind, w, random);
      for (let j = 0; j < n; j++) report(quarter, a.region, a, i % 3);
    });
  }
  return { spec: w, agencies, quarters: released, firstQuarter, lastQuarter, reports };
}

/** Writes the agencies (active partners) of a world. */
export async function insertAgencies(database: OpenDatabase, world: World): Promise<void> {
  for (const a of world.agencies) {
    await sql`INSERT INTO agencies (id, name, state, census_region, size_band, status, applied_at, decided_at,
        is_synthetic)
      VALUES (${a.id}::UUID, ${a.name}, 'XX', ${a.region}, ${a.band}, 'active', TIMESTAMP '2020-01-01',
        TIMESTAMP '2020-01-01', true)`.execute(database.db);
  }
}

/** Writes reports (published, with factors and protected fields) with DuckDB appenders. */
export async function insertReports(database: OpenDatabase, reports: readonly WorldReport[]): Promise<void> {
  if (reports.length === 0) return;
  const main = await BulkAppender.open(database.instance, "reports", [
    "varchar",
    "varchar",
    "integer",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "date",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "date",
  ]);
  for (const r of reports) {
    main.append([
      r.id,
      `W-${r.id}`,
      1,
      "t",
      "s",
      "l",
      r.incident,
      r.loss,
      r.publishedMonth,
      null,
      null,
      null,
      null,
      null,
      null,
      r.region,
      r.publishedMonth,
    ]);
  }
  main.close();
  const cited = await BulkAppender.open(database.instance, "report_factors", ["varchar", "varchar"]);
  for (const r of reports) for (const f of r.factors) cited.append([r.id, f]);
  cited.close();
  const protectedFields = await BulkAppender.open(database.instance, "report_protected", [
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
  ]);
  for (const r of reports) protectedFields.append([r.id, "XX", r.agencyId, r.band, r.consent]);
  protectedFields.close();
}
