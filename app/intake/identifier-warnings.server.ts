// Runs the identifier detector over what the officer is about to send, inside the review round trip
// that already carries the answers (no extra request). The findings go back in the page and nowhere
// else: nothing is stored or logged, like the rest of /report (docs/design.md §6 invariants 1–2).
import { detectIdentifiers } from "../../db/deidentify";
import { CHECKED_FIELDS, type IdentifierWarning } from "./identifier-warnings";
import type { ReportFormInput } from "./report-form-schema";

/** Per text field, each identifier text the detector found (the first of its kind for a repeated text). */
export function identifierWarnings(values: ReportFormInput): IdentifierWarning[] {
  return CHECKED_FIELDS.flatMap((field) => {
    const findings = detectIdentifiers(values[field]);
    const seen = new Set<string>();
    const items = findings
      .filter((f) => {
        const key = f.text.toLowerCase();
        return seen.has(key) ? false : (seen.add(key), true);
      })
      .map((f) => ({ type: f.type, text: f.text }));
    const spans = findings.map((f) => ({ type: f.type, start: f.start, end: f.end }));
    return items.length ? [{ field, spans, items }] : [];
  });
}
