// Reads a dashboard payload the way an attacker would: every released count with whether it depends on
// a protected field, and the additive relations that hold among them (plus public national figures).
import type { DashboardResult } from "../../analytics/get-dashboard";
import type { FactorProfileResult } from "../../analytics/get-factor-profile";
import type { Count } from "../../analytics/privacy/figures";
import { monthIndex, monthLabel, quarterOf } from "../../analytics/period";
import type { OracleRelation } from "./recoverability-oracle";

export interface PayloadCell {
  key: string;
  value: Count | undefined; // undefined: the cell exists but the payload does not show it
  protected: boolean;
}

export interface PayloadFacts {
  cells: PayloadCell[];
  relations: OracleRelation[];
}

const protectedKinds = new Set(["agency", "national_excluding_agency", "peers_size_band", "peers_region", "partner_agencies"]);

export function readPayload(d: DashboardResult, publicProfile: FactorProfileResult | null): PayloadFacts {
  const cells = new Map<string, PayloadCell>();
  const relations: OracleRelation[] = [];
  const cell = (key: string, value: Count | undefined, isProtected: boolean) => {
    if (!cells.has(key) || value !== undefined) cells.set(key, { key, value, protected: isProtected });
    return key;
  };

  // Factor profile; national figures from the public view are known to anyone.
  const fp = d.factorProfile;
  const sp = protectedKinds.has(fp.meta.subject.kind);
  const rp = fp.meta.reference ? protectedKinds.has(fp.meta.reference.kind) : false;
  cell("fp:s:n", fp.subjectReports, sp);
  if (fp.referenceReports !== null) cell("fp:r:n", fp.referenceReports, rp);
  for (const row of fp.rows) {
    cell(`fp:s:${row.factor}`, row.subject.count, sp);
    if (row.reference) cell(`fp:r:${row.factor}`, row.reference.count, rp);
  }
  if (fp.meta.reference?.kind === "national_excluding_agency" && publicProfile) {
    cell("fp:all:n", publicProfile.subjectReports, false);
    relations.push({ total: "fp:all:n", parts: ["fp:s:n", "fp:r:n"] });
    for (const row of publicProfile.rows) {
      cell(`fp:all:${row.factor}`, row.subject.count, false);
      relations.push({ total: `fp:all:${row.factor}`, parts: [`fp:s:${row.factor}`, `fp:r:${row.factor}`] });
    }
  }

  // Trends: months, whole quarters and the two 12-month periods of each series.
  const t = d.trends;
  const to = monthIndex(t.meta.window.to);
  for (const series of t.series) {
    const kind = series.population === "subject" ? t.meta.subject.kind : t.meta.reference?.kind ?? "national";
    const p = protectedKinds.has(kind);
    const id = `tr:${series.population}:${series.dimension}:${series.code}`;
    const monthKey = (m: number) => `${id}:m${monthLabel(m)}`;
    for (const m of series.monthly) cell(monthKey(monthIndex(m.month)), m.count, p);
    series.quarterly.forEach((q) => {
      const key = cell(`${id}:${q.quarter}`, q.count, p);
      if (series.monthly.length === 0) return;
      const [year, n] = q.quarter.split("-Q").map(Number) as [number, number];
      const first = year * 12 + (n - 1) * 3;
      relations.push({ total: key, parts: [first, first + 1, first + 2].map((m) => cell(monthKey(m), undefined, p)) });
    });
    if (series.yearOverYear) {
      const y0 = cell(`${id}:y0`, series.yearOverYear.current, p);
      const y1 = cell(`${id}:y1`, series.yearOverYear.previous, p);
      if (series.monthly.length > 0) {
        relations.push({ total: y0, parts: Array.from({ length: 12 }, (_, i) => cell(monthKey(to - 11 + i), undefined, p)) });
        relations.push({ total: y1, parts: Array.from({ length: 12 }, (_, i) => cell(monthKey(to - 23 + i), undefined, p)) });
      } else if ((to + 1) % 3 === 0) {
        // Quarters only: a 12-month period that ends on a quarter's last month is its four quarters.
        const known = new Set(series.quarterly.map((q) => q.quarter));
        for (const [total, end] of [[y0, to], [y1, to - 12]] as const) {
          const quarters = [end - 11, end - 8, end - 5, end - 2].map(quarterOf);
          if (quarters.every((q) => known.has(q))) relations.push({ total, parts: quarters.map((q) => cell(`${id}:${q}`, undefined, p)) });
        }
      }
    }
  }
  for (const population of ["subject", "reference"] as const) {
    const total = t.series.find((s) => s.population === population && s.dimension === "total");
    if (!total) continue;
    const incidents = t.series.filter((s) => s.population === population && s.dimension === "incident_type");
    const id = (s: typeof total) => `tr:${population}:${s.dimension}:${s.code}`;
    for (const q of total.quarterly) relations.push({ total: `${id(total)}:${q.quarter}`, parts: incidents.map((s) => `${id(s)}:${q.quarter}`) });
    if (total.yearOverYear) for (const y of ["y0", "y1"]) relations.push({ total: `${id(total)}:${y}`, parts: incidents.map((s) => `${id(s)}:${y}`) });
  }

  // Incident type × factor matrix: incident types partition the reports; factor columns add up.
  const mx = d.incidentFactorMatrix;
  const mp = protectedKinds.has(mx.meta.subject.kind);
  cell("mx:n", mx.reports, mp);
  relations.push({ total: "mx:n", parts: mx.rows.map((r) => cell(`mx:r:${r.incidentType}`, r.reports, mp)) });
  for (const column of mx.columns) {
    cell(`mx:col:${column.factor}`, column.reports, mp);
    relations.push({ total: `mx:col:${column.factor}`, parts: mx.rows.map((r) => cell(`mx:${r.incidentType}:${column.factor}`, r.cells.find((c) => c.factor === column.factor)!.count, mp)) });
  }

  // Co-occurrence: counts only.
  const co = d.cooccurrence;
  const cp = protectedKinds.has(co.meta.subject.kind);
  cell("co:n", co.reports, cp);
  for (const f of co.factors) cell(`co:f:${f.factor}`, f.reports, cp);
  for (const pair of co.pairs) cell(`co:${pair.factorA}:${pair.factorB}`, pair.count, cp);

  // Loss-potential mix: the four loss potentials partition each row.
  const lm = d.lossPotentialMix;
  const lp = protectedKinds.has(lm.meta.subject.kind);
  for (const row of lm.rows) {
    for (const [side, mix, p] of [["s", row.subject, lp], ["r", row.reference, false]] as const) {
      if (!mix) continue;
      const total = cell(`lm:${side}:${row.factor}`, mix.reports, p);
      relations.push({ total, parts: mix.mix.map((m) => cell(`lm:${side}:${row.factor}:${m.lossPotential}`, m.count, p)) });
    }
  }

  // The same figure released by several measures of one dashboard: equal, so an attacker can use any.
  const same = (a: string, b: string) => {
    if (cells.has(a) && cells.has(b)) relations.push({ total: a, parts: [b] });
  };
  const w = d.factorProfile.meta.window;
  const windowMonths = Array.from({ length: w.months }, (_, i) => monthIndex(w.from) + i);
  if (fp.meta.subject.kind === mx.meta.subject.kind) {
    same("fp:s:n", "mx:n");
    same("fp:s:n", "co:n");
    same("fp:s:n", "lm:s:null");
    for (const row of fp.rows) {
      same(`fp:s:${row.factor}`, `mx:col:${row.factor}`);
      same(`fp:s:${row.factor}`, `co:f:${row.factor}`);
      same(`fp:s:${row.factor}`, `lm:s:${row.factor}`);
    }
    // A series' window total is the sum of its months (or of its quarters when they cover the window).
    for (const series of t.series) {
      const id = `tr:${series.population}:${series.dimension}:${series.code}`;
      const side = series.population === "subject" ? "s" : "r";
      if (side === "r" && t.meta.reference?.kind !== fp.meta.reference?.kind) continue;
      const total = series.dimension === "total" ? `fp:${side}:n` : series.dimension === "factor" ? `fp:${side}:${series.code}` : side === "s" ? `mx:r:${series.code}` : "";
      if (!cells.has(total)) continue;
      const p = side === "s" ? sp : rp;
      if (series.monthly.length > 0) relations.push({ total, parts: windowMonths.map((m) => cell(`${id}:m${monthLabel(m)}`, undefined, p)) });
      else if (series.quarterly.length * 3 === w.months) relations.push({ total, parts: series.quarterly.map((q) => `${id}:${q.quarter}`) });
    }
  }
  if (d.funnel && d.funnel.agencies.length === 1 && fp.meta.subject.kind === "agency") {
    same("fp:s:n", "fu:0:n");
    for (const f of d.funnel.factors) same(`fp:s:${f.factor}`, `fu:0:${f.factor}`);
  }

  // Funnel: every point depends on an agency.
  d.funnel?.agencies.forEach((a, i) => cell(`fu:${i}:n`, a.reports, true));
  d.funnel?.factors.forEach((f) => f.points.forEach((point) => cell(`fu:${point.agency}:${f.factor}`, point.count, true)));
  return { cells: [...cells.values()], relations };
}
