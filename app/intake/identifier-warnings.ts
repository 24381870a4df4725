// What the review step says about identifiers the detector saw in the officer's own words.
// Browser-safe: the detector itself runs on the server (identifier-warnings.server.ts).
import type { IdentifierType } from "../../domain/identifier-types";

export const CHECKED_FIELDS = ["title", "narrative", "lessons"] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

/** One field's identifiers: every span (to mark in the text) and each distinct text once (to list). */
export interface IdentifierWarning {
  field: CheckedField;
  spans: { type: IdentifierType; start: number; end: number }[];
  items: { type: IdentifierType; text: string }[];
}

export const FIELD_LABELS: Record<CheckedField, string> = {
  title: "Title",
  narrative: "What happened",
  lessons: "Lessons learned",
};

/** The step of the form that holds the field (see STEPS), so "Change it" goes straight there. */
export const FIELD_STEPS: Record<CheckedField, number> = { title: 0, narrative: 0, lessons: 2 };

const LOOKS_LIKE: Record<IdentifierType, string> = {
  PERSON: "a name",
  BADGE_OR_UNIT: "a badge, unit or call-sign number",
  AGENCY: "an agency's name",
  LOCATION: "a place",
  DATE: "an exact date",
  TIME: "an exact time",
  CASE_NUMBER: "a case or report number",
  PLATE: "a licence plate",
  VIN: "a VIN",
  PHONE: "a phone number",
  EMAIL: "an email address",
  RADIO_CHANNEL: "a radio channel",
  NCIC: "a records check or record number",
  SERIAL_NUMBER: "an equipment serial number",
};

export function looksLike(type: IdentifierType): string {
  return LOOKS_LIKE[type];
}

/** The text cut at the spans, for marking: [text, type | null] pieces in order. */
export function markedPieces(text: string, spans: IdentifierWarning["spans"]): [string, IdentifierType | null][] {
  const pieces: [string, IdentifierType | null][] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > text.length) continue;
    if (span.start > at) pieces.push([text.slice(at, span.start), null]);
    pieces.push([text.slice(span.start, span.end), span.type]);
    at = span.end;
  }
  if (at < text.length) pieces.push([text.slice(at), null]);
  return pieces;
}
