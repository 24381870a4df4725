import { factors, incidentTypes } from "../domain/taxonomy/index";
import { resolveComparison } from "./comparison";
import { type AnalyticsFilters, resolveFilters } from "./filters";
import { type MeasureMeta, measureMeta, REPORTS_NOT_RATES } from "./measure-meta";
import { coreFigures } from "./core-figures";
import { CellBook } from "./privacy/cell-book";
import type { Count, Share } from "../domain/figures";
import type { PrivacyRules } from "./privacy/rules";
import { windowCounts } from "./queries/slices";
import { type AnalyticsDb, latestMonth, sourceOf } from "./source";
import type { Viewer } from "./viewer";

export interface MatrixCell {
  factor: string;
  count: Count;
  /** Share of the incident type's reports citing the factor. */
  rowShare: Share | null;
}

export interface MatrixRow {
  incidentType: string;
  label: string;
  reports: Count;
  cells: MatrixCell[];
}

export interface IncidentFactorMatrixResult {
  meta: MeasureMeta;
  reports: Count;
  /** Column heads in taxonomy order, with the reports citing each factor. */
  columns: { factor: string; label: string; reports: Count }[];
  rows: MatrixRow[];
}

/**
 * Incident type × factor: how many of the subject's reports of each incident type cite each factor, and
 * what share of that incident type's reports that is. Answers "in which situations does this factor
 * come up?" — the heatmap of the dashboard.
 */
export async function getIncidentFactorMatrix(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  viewer: Viewer,
  privacy: PrivacyRules,
): Promise<IncidentFactorMatrixResult> {
  const source = sourceOf(db);
  const resolved = resolveFilters(filters, await latestMonth(source));
  const cmp = await resolveComparison(source, resolved, viewer);
  const [byIncident, byCell, core] = await Promise.all([
    windowCounts(source, cmp.subject.population, resolved, "incident_type", false),
    windowCounts(source, cmp.subject.population, resolved, "incident_type", true),
    coreFigures(source, resolved, cmp, privacy),
  ]);
  const reports = new Map(byIncident.map((r) => [r.incident_type!, r.reports]));
  const cells = new Map(byCell.map((r) => [`${r.incident_type}:${r.factor_code}`, r.reports]));
  const tags = cmp.subject.tags;
  const book = new CellBook();
  book.add(
    "n",
    [...reports.values()].reduce((a, b) => a + b, 0),
    { ...tags, shared: core.count("s:n") },
  );
  for (const t of incidentTypes)
    book.add(`r:${t.code}`, reports.get(t.code) ?? 0, { ...tags, shared: core.count(`s:i:${t.code}`) });
  book.sum(
    "n",
    incidentTypes.map((t) => `r:${t.code}`),
  );
  for (const f of factors) {
    let column = 0;
    for (const t of incidentTypes) {
      const v = cells.get(`${t.code}:${f.code}`) ?? 0;
      column += v;
      book.add(`c:${t.code}:${f.code}`, v, tags);
    }
    book.add(`col:${f.code}`, column, { ...tags, shared: core.count(`s:f:${f.code}`) });
    book.sum(
      `col:${f.code}`,
      incidentTypes.map((t) => `c:${t.code}:${f.code}`),
    );
  }
  const released = book.release(privacy, cmp.gates);
  return {
    meta: measureMeta(
      {
        measure: "incident_factor_matrix",
        title: "Incident types and factors",
        description:
          `Reports of each incident type citing each factor, with the share of that incident type's ` +
          `reports. ${REPORTS_NOT_RATES}`,
      },
      resolved,
      { subject: cmp.subject, reference: null },
      released,
      privacy,
    ),
    reports: released.count("n"),
    columns: factors.map((f) => ({ factor: f.code, label: f.label, reports: released.count(`col:${f.code}`) })),
    rows: incidentTypes.map((t) => ({
      incidentType: t.code,
      label: t.label,
      reports: released.count(`r:${t.code}`),
      cells: factors.map((f) => ({
        factor: f.code,
        count: released.count(`c:${t.code}:${f.code}`),
        rowShare: released.share(`c:${t.code}:${f.code}`, `r:${t.code}`),
      })),
    })),
  };
}
