import { factors, lossPotentials } from "../domain/taxonomy/index";
import { type Comparison, resolveComparison } from "./comparison";
import { type AnalyticsFilters, type ResolvedFilters, resolveFilters } from "./filters";
import { type MeasureMeta, measureMeta, REPORTS_NOT_RATES } from "./measure-meta";
import { coreFigures } from "./core-figures";
import { CellBook, type CellTags } from "./privacy/cell-book";
import type { Count, Share } from "../domain/figures";
import type { PrivacyRules } from "./privacy/rules";
import type { ReleasedCells } from "./privacy/suppress";
import { windowCounts } from "./queries/slices";
import type { Population } from "./queries/population";
import { type AnalyticsDb, type AnalyticsSource, latestMonth, sourceOf } from "./source";
import type { Viewer } from "./viewer";

export interface LossMix {
  reports: Count;
  mix: { lossPotential: string; label: string; count: Count; share: Share | null }[];
}

export interface LossMixRow {
  /** null: all reports. */
  factor: string | null;
  label: string;
  subject: LossMix;
  /** National (all reports) for comparison when the subject is an agency. */
  reference: LossMix | null;
}

export interface LossPotentialMixResult {
  meta: MeasureMeta;
  rows: LossMixRow[];
}

async function addPopulation(
  source: AnalyticsSource,
  book: CellBook,
  prefix: string,
  population: Population,
  tags: CellTags,
  filters: ResolvedFilters,
  core: ReleasedCells | null,
) {
  const [totals, perFactor] = await Promise.all([
    windowCounts(source, population, filters, "loss_potential", false),
    windowCounts(source, population, filters, "loss_potential", true),
  ]);
  const byLoss = new Map(totals.map((r) => [r.loss_potential!, r.reports]));
  const cells = new Map(perFactor.map((r) => [`${r.factor_code}:${r.loss_potential}`, r.reports]));
  for (const row of [{ code: "all" }, ...factors]) {
    const parts = lossPotentials.map((l) => {
      const v = row.code === "all" ? (byLoss.get(l.code) ?? 0) : (cells.get(`${row.code}:${l.code}`) ?? 0);
      const shared = row.code === "all" && core ? core.count(`s:l:${l.code}`) : undefined;
      return { key: book.add(`${prefix}:${row.code}:${l.code}`, v, { ...tags, shared }), v };
    });
    const shared = core ? core.count(row.code === "all" ? "s:n" : `s:f:${row.code}`) : undefined;
    book.add(
      `${prefix}:${row.code}`,
      parts.reduce((s, p) => s + p.v, 0),
      { ...tags, shared },
    );
    book.sum(
      `${prefix}:${row.code}`,
      parts.map((p) => p.key),
    );
  }
}

function mixOf(released: ReleasedCells, prefix: string, code: string): LossMix {
  return {
    reports: released.count(`${prefix}:${code}`),
    mix: lossPotentials.map((l) => ({
      lossPotential: l.code,
      label: l.label,
      count: released.count(`${prefix}:${code}:${l.code}`),
      share: released.share(`${prefix}:${code}:${l.code}`, `${prefix}:${code}`),
    })),
  };
}

function nationalReference(cmp: Comparison): boolean {
  return cmp.subject.kind === "agency";
}

/**
 * Loss-potential mix: for all reports and for each factor, how the reports split between fatality,
 * serious injury, minor injury and property damage only — how bad it could have been when this factor
 * was involved. An agency's mix is shown next to the national one.
 */
export async function getLossPotentialMix(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  viewer: Viewer,
  privacy: PrivacyRules,
): Promise<LossPotentialMixResult> {
  const source = sourceOf(db);
  const resolved = resolveFilters(filters, await latestMonth(source));
  const cmp = await resolveComparison(source, resolved, viewer);
  const withReference = nationalReference(cmp);
  const book = new CellBook();
  const core = await coreFigures(source, resolved, cmp, privacy);
  await Promise.all([
    addPopulation(source, book, "s", cmp.subject.population, cmp.subject.tags, resolved, core),
    withReference ? addPopulation(source, book, "r", { kind: "all" }, { protected: false }, resolved, null) : null,
  ]);
  const released = book.release(privacy, cmp.gates);
  const rows: LossMixRow[] = [{ code: "all", label: "All reports" }, ...factors].map((row) => ({
    factor: row.code === "all" ? null : row.code,
    label: row.label,
    subject: mixOf(released, "s", row.code),
    reference: withReference ? mixOf(released, "r", row.code) : null,
  }));
  return {
    meta: measureMeta(
      {
        measure: "loss_potential_mix",
        title: "How bad it could have been",
        description: `Loss potential of the reports citing each factor. ${REPORTS_NOT_RATES}`,
      },
      resolved,
      {
        subject: cmp.subject,
        reference: withReference ? { label: { kind: "national", label: "National (all reports)" } } : null,
      },
      released,
      privacy,
    ),
    rows,
  };
}
