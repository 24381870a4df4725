import { factorFamilies, factors, labels } from "../../domain/taxonomy/index";
import type { Count, Share, Suppressed } from "../../domain/figures";
import type { AgencyBook } from "../release-book/read-book";
import type { PrrResult } from "../stats/prr";
import { prrOf, released, shareOf } from "./book-figures";
import { type Reference, referencePopulation } from "./reference";

export interface BookProfileRow {
  factor: string;
  label: string;
  family: string;
  agency: { count: Count; share: Share | null };
  reference: { count: Count; share: Share | null } | null;
  /** Proportional reporting ratio against the reference (the analyst's table; docs/design.md §7). */
  prr: PrrResult | Suppressed | null;
}

export interface BookProfile {
  period: string;
  incidentType: string | null;
  reference: Reference;
  agencyReports: Count;
  referenceReports: Count | null;
  /** Why there is no reference column (e.g. peer groups are released by year and without incident types). */
  referenceMissing: string | null;
  rows: BookProfileRow[];
  /** Factors whose share is flagged against the reference (PRR rule of docs/design.md §7). */
  flagged: string[];
}

const familyLabel = new Map<string, string>(factorFamilies.map((f) => [f.code, f.label]));

/**
 * Share of the reports counted toward the agency that cite each factor, in one released period of the
 * book (optionally within one incident type, from the year's incident type × factor table), next to
 * the chosen reference's share, with Wilson 95% intervals and the PRR. Reports are voluntary: shares of
 * reports, not rates of events.
 */
export function getBookProfile(
  book: AgencyBook,
  choice: { period: string; incidentType?: string; reference: Reference },
): BookProfile {
  const { period, incidentType, reference } = choice;
  const population = referencePopulation[reference];
  const total = incidentType ? `i:${incidentType}` : "n";
  const cited = (factor: string) => (incidentType ? `if:${incidentType}:${factor}` : `f:${factor}`);
  const agencyReports = book.cell(period, "agency", total) ?? 0;
  const referenceReports = book.cell(period, population, total);
  const referenceMissing =
    referenceReports === null
      ? reference === "national"
        ? null
        : "Peer groups are in the book by year only, for all incident types together."
      : null;
  const rows = factors.map((f): BookProfileRow => {
    const count = book.cell(period, "agency", cited(f.code)) ?? 0;
    const refCount = book.cell(period, population, cited(f.code));
    return {
      factor: f.code,
      label: f.label,
      family: familyLabel.get(f.family) ?? f.family,
      agency: { count, share: shareOf(count, agencyReports) },
      reference:
        refCount === null || referenceReports === null
          ? null
          : { count: refCount, share: shareOf(refCount, referenceReports) },
      prr: prrOf(count, agencyReports, refCount, referenceReports),
    };
  });
  const flagged = rows
    .filter((r) => r.prr && !("suppressed" in r.prr) && r.prr.flagged && released(r.agency.count))
    .map((r) => r.factor);
  return {
    period,
    incidentType: incidentType ?? null,
    reference,
    agencyReports,
    referenceReports,
    referenceMissing,
    rows,
    flagged,
  };
}

export function incidentLabel(code: string | null): string | null {
  return code ? labels.incidentType(code) : null;
}
