import { factorFamilies, factors } from "../domain/taxonomy/index";
import { resolveComparison } from "./comparison";
import { type AnalyticsFilters, resolveFilters } from "./filters";
import { type MeasureMeta, measureMeta, REPORTS_NOT_RATES } from "./measure-meta";
import { coreFigures } from "./core-figures";
import type { Count, Share, Suppressed } from "../domain/figures";
import type { PrivacyRules } from "./privacy/rules";
import { type AnalyticsDb, latestMonth, sourceOf } from "./source";
import type { PrrResult } from "./stats/prr";
import type { Viewer } from "./viewer";

export interface PopulationFigures {
  count: Count;
  /** Share of the population's reports citing the factor, with its Wilson 95% interval. */
  share: Share | null;
}

export interface FactorProfileRow {
  factor: string;
  label: string;
  family: string;
  familyLabel: string;
  subject: PopulationFigures;
  reference: PopulationFigures | null;
  /** Subject against reference (docs/design.md §7); null when not computable (no reports cite it on one side). */
  prr: PrrResult | Suppressed | null;
}

export interface FactorProfileResult {
  meta: MeasureMeta;
  subjectReports: Count;
  referenceReports: Count | null;
  rows: FactorProfileRow[];
  /** Factors whose PRR meets the flag rule, most elevated first. */
  flagged: string[];
}

const familyLabel = new Map<string, string>(factorFamilies.map((f) => [f.code, f.label]));

/**
 * Factor profile: for each contributing factor, how many of the subject's reports cite it and what
 * share that is (Wilson 95%), next to the reference population, with the proportional reporting ratio
 * and the flag rule of docs/design.md §7. The agency is compared with the nation *excluding* itself (or with its
 * peers), so that a large agency does not dilute its own comparison.
 */
export async function getFactorProfile(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  viewer: Viewer,
  privacy: PrivacyRules,
): Promise<FactorProfileResult> {
  const source = sourceOf(db);
  const resolved = resolveFilters(filters, await latestMonth(source));
  const cmp = await resolveComparison(source, resolved, viewer);
  const released = await coreFigures(source, resolved, cmp, privacy);

  const rows: FactorProfileRow[] = factors.map((f) => {
    const prr = cmp.reference ? released.prr(`s:f:${f.code}`, "s:n", `r:f:${f.code}`, "r:n") : null;
    return {
      factor: f.code,
      label: f.label,
      family: f.family,
      familyLabel: familyLabel.get(f.family) ?? f.family,
      subject: { count: released.count(`s:f:${f.code}`), share: released.share(`s:f:${f.code}`, "s:n") },
      reference: cmp.reference
        ? { count: released.count(`r:f:${f.code}`), share: released.share(`r:f:${f.code}`, "r:n") }
        : null,
      prr,
    };
  });
  const flagged = rows
    .filter((r) => r.prr && "flagged" in r.prr && r.prr.flagged)
    .sort((x, y) => (y.prr as PrrResult).prr - (x.prr as PrrResult).prr)
    .map((r) => r.factor);

  return {
    meta: measureMeta(
      {
        measure: "factor_profile",
        title: "Contributing factors",
        description:
          "Share of reports citing each factor, with 95% intervals" +
          (cmp.reference ? `, compared with ${cmp.reference.label.label.toLowerCase()} (PRR)` : "") +
          `. ${REPORTS_NOT_RATES}`,
      },
      resolved,
      cmp,
      released,
      privacy,
    ),
    subjectReports: released.count("s:n"),
    referenceReports: cmp.reference ? released.count("r:n") : null,
    rows,
    flagged,
  };
}
