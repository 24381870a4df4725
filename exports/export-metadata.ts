// The block every export carries (CSV: the lines above the table; XLSX: the "About this file" sheet;
// PDF: the title page and footer): what it is, the filters it was made with, when, the taxonomy version,
// and how withheld figures appear and why.
import { type SuppressionReason, suppressionLabels } from "../domain/figures";
import type { PrivacyRules } from "../analytics/privacy/rules";

export interface ExportMetadata {
  /** What the file holds. */
  title: string;
  /** Where it comes from (page or API endpoint). */
  source: string;
  generatedAt: Date;
  /** The filters the file was made with, in the page's words. */
  filters: { name: string; value: string }[];
  taxonomyVersion: number;
  /** How withheld figures appear and why (from suppressionNotes). */
  suppression: string[];
  notes?: string[];
}

/** One line of text: no line breaks or control characters (the CSV block is one record per line). */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/** The metadata as label/value pairs, in the order the files show them. */
export function metadataPairs(meta: ExportMetadata): [string, string][] {
  const pairs: [string, string][] = [
    ["File", meta.title],
    ["Source", meta.source],
    ["Generated (UTC)", meta.generatedAt.toISOString().replace(/\.\d{3}Z$/, "Z")],
    ...meta.filters.map((f): [string, string] => [`Filter: ${f.name}`, f.value]),
    ...(meta.filters.length === 0 ? [["Filters", "none (the page's defaults)"] as [string, string]] : []),
    ["Taxonomy version", String(meta.taxonomyVersion)],
    ...meta.suppression.map((s): [string, string] => ["Privacy", s]),
    ...(meta.notes ?? []).map((n): [string, string] => ["Note", n]),
  ];
  return pairs.map(([k, v]) => [oneLine(k), oneLine(v)]);
}

const explanations: Record<SuppressionReason, (p: PrivacyRules) => string> = {
  below_k: (p) =>
    `a count from 1 to ${p.k - 1} that depends on an agency, or a share or interval whose numerator or ` +
    `denominator is below ${p.k}`,
  complementary: () => "withheld so that another withheld figure cannot be worked out from totals",
  derived: () => "computed from a withheld figure (a share, interval, ratio, change or flag)",
  agency_minimum: (p) =>
    `the agency has fewer than ${p.agencyMinReports} reports in the period, so its own figures stay withheld`,
  peer_group_too_small: (p) =>
    `the peer group has fewer than 3 other agencies or ${p.k} reports once the agency's own reports are left out`,
  protected: (p) =>
    `from 1 to ${p.k - 1} reports your agency's members cannot already read, or withheld so that such a figure ` +
    `cannot be worked out (the two are not told apart, as that would say which figures are 0 or at ` +
    `least ${p.k})`,
};

/**
 * The privacy notes of an export: the rule, and for each reason that occurs in the file what its
 * "withheld — …" cells mean. Withheld cells are never 0 or blank, and they are the same cells as on
 * the screen and in the API for the same filters.
 */
export function suppressionNotes(reasons: Iterable<SuppressionReason>, privacy: PrivacyRules | null): string[] {
  if (!privacy)
    return [
      "Published, de-identified fields only: no figure in this file depends on an agency, a state or an agency's size.",
    ];
  const found = [...new Set(reasons)];
  const notes = [
    `Figures that depend on an agency are withheld below k = ${privacy.k} reports; withheld cells read "withheld ` +
      `— reason", never 0 or blank, and are the same cells as on the screen, the charts and the API for these ` +
      `filters.`,
  ];
  for (const reason of found)
    notes.push(`"withheld — ${suppressionLabels[reason].toLowerCase()}": ${explanations[reason](privacy)}.`);
  if (found.length === 0) notes.push("No figure in this file is withheld.");
  return notes;
}
