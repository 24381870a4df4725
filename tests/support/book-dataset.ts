// Small published datasets written straight into a test database, for the release book's tests: a few
// agencies of chosen size bands and regions, and reports with their protected fields (agency, sharing
// choice) — the shapes the synthetic seed rarely makes (agencies near k and near the minimum).
import { sql } from "kysely";
import type { Executor } from "../../db/database";
import { factors, incidentTypes, lossPotentials } from "../../domain/taxonomy/index";

export interface HandAgency {
  id: string;
  region: string;
  state: string;
  sizeBand: string;
}

export interface HandReport {
  agency: HandAgency | null;
  consent: "national" | "agency_stats" | "agency_share";
  region: string;
  incidentType: string;
  loss: string;
  factors: string[];
  /** Month of publication, YYYY-MM. */
  published: string;
}

let serial = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export function handAgency(region: string, state: string, sizeBand: string): HandAgency {
  return { id: uuid(0xa0000000 + ++serial), region, state, sizeBand };
}

export async function insertAgencies(db: Executor, agencies: readonly HandAgency[]): Promise<void> {
  for (const a of agencies) {
    await sql`INSERT INTO agencies (id, name, state, census_region, size_band, status, applied_at, is_synthetic)
      VALUES (${a.id}::UUID, ${`Agency ${a.id.slice(-6)}`}, ${a.state}, ${a.region}, ${a.sizeBand}, 'active', now(),
        true)`.execute(db);
  }
}

/** Inserts published reports (with factors and protected fields) in a few statements. */
export async function insertReports(db: Executor, reports: readonly HandReport[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < reports.length; i += CHUNK) {
    const chunk = reports.slice(i, i + CHUNK).map((r) => ({ ...r, id: uuid(++serial) }));
    await sql`INSERT INTO reports (id, public_number, taxonomy_version, title, summary, lessons, incident_type,
        loss_potential, event_month, census_region, published_month)
      VALUES ${sql.join(
        chunk.map(
          (r) => sql`(${r.id}::UUID, ${`H-${r.id.slice(-8)}`}, 1, 't', 's', 'l', ${r.incidentType}, ${r.loss},
        ${`${r.published}-01`}::DATE, ${r.region}, ${`${r.published}-01`}::DATE)`,
        ),
      )}`.execute(db);
    await sql`INSERT INTO report_protected (report_id, state, agency_id, agency_size_band, consent_level)
      VALUES ${sql.join(
        chunk.map(
          (r) => sql`(${r.id}::UUID, ${r.agency?.state ?? "IL"}, ${r.agency?.id ?? null}::UUID,
        ${r.agency ? r.agency.sizeBand : null}, ${r.agency ? r.consent : "national"})`,
        ),
      )}`.execute(db);
    const cited = chunk.flatMap((r) => r.factors.map((f) => sql`(${r.id}::UUID, ${f})`));
    await sql`INSERT INTO report_factors (report_id, factor_code) VALUES ${sql.join(cited)}`.execute(db);
  }
}

/** A deterministic generator (mulberry32) so a failing case can be re-run from its seed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Reports for the given agencies over one year of publication: `perQuarter` reports per agency and
 * quarter (with spread), half of the unlinked national-only kind in each region, incident types and
 * factors drawn from short lists so that cells are small but not empty.
 */
export function yearOfReports(
  random: () => number,
  agencies: readonly { agency: HandAgency; perQuarter: number }[],
  year: number,
  options: { unlinkedPerRegion: number; regions: string[] },
): HandReport[] {
  const types = incidentTypes.slice(0, 6).map((t) => t.code);
  const codes = factors.slice(0, 10).map((f) => f.code);
  const losses = lossPotentials.map((l) => l.code);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const report = (agency: HandAgency | null, region: string, quarter: number): HandReport => {
    const cited = new Set<string>([pick(codes)]);
    while (cited.size < 5 && random() < 0.45) cited.add(pick(codes));
    const month = quarter * 3 + 1 + Math.floor(random() * 3);
    const u = random();
    return {
      agency,
      region,
      incidentType: pick(types),
      loss: pick(losses),
      factors: [...cited],
      consent: agency ? (u < 0.36 ? "agency_share" : "agency_stats") : "national",
      published: `${year}-${String(month).padStart(2, "0")}`,
    };
  };
  const out: HandReport[] = [];
  for (let q = 0; q < 4; q++) {
    for (const { agency, perQuarter } of agencies) {
      const n = Math.max(0, Math.round(perQuarter * (0.7 + 0.6 * random())));
      for (let i = 0; i < n; i++) out.push(report(agency, agency.region, q));
    }
    for (const region of options.regions)
      for (let i = 0; i < options.unlinkedPerRegion; i++) out.push(report(null, region, q));
  }
  return out;
}
