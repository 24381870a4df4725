import { cityFindings } from "./rules/cities";
import { serialNumberFindings } from "./rules/equipment";
import { agencyFindings, locationFindings } from "./rules/places";
import { emailFindings, phoneFindings } from "./rules/contact";
import { personFindings } from "./rules/names";
import {
  badgeOrUnitFindings,
  caseNumberFindings,
  ncicFindings,
  radioChannelFindings,
  recordNumberFindings,
} from "./rules/records";
import { plateFindings, vinFindings } from "./rules/vehicle";
import { dateFindings, timeFindings } from "./rules/when";
import type { Finding, IdentifierType } from "../../domain/identifier-types";

// When two findings overlap, the more specific, validated kind wins (an email's name part is not a
// person; a VIN is not a case number). Within a kind, overlapping findings merge into one span.
const PRIORITY: IdentifierType[] = [
  "NCIC",
  "EMAIL",
  "VIN",
  "PHONE",
  "PLATE",
  "SERIAL_NUMBER",
  "CASE_NUMBER",
  "DATE",
  "TIME",
  "RADIO_CHANNEL",
  "BADGE_OR_UNIT",
  "AGENCY",
  "LOCATION",
  "PERSON",
];

function mergeSameType(findings: Finding[], text: string): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.type === f.type && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      last.text = text.slice(last.start, last.end);
    } else merged.push({ ...f });
  }
  return merged;
}

/**
 * Finds identifiers in free text: validated patterns, context rules and a names pass.
 * It assists reviewers; it does not replace them (docs/design.md §6). Sorted by start; spans never overlap.
 */
export function detectIdentifiers(text: string): Finding[] {
  const byType = new Map<IdentifierType, Finding[]>();
  const people = personFindings(text);
  // A word the names pass found is a person even after "to" or "from" ("handed it to Diaz").
  const nameWords = new Set(people.flatMap((p) => p.text.split(/\s+/)));
  const all = [
    ...ncicFindings(text),
    ...recordNumberFindings(text),
    ...emailFindings(text),
    ...vinFindings(text),
    ...phoneFindings(text),
    ...plateFindings(text),
    ...serialNumberFindings(text),
    ...caseNumberFindings(text),
    ...dateFindings(text),
    ...timeFindings(text),
    ...radioChannelFindings(text),
    ...badgeOrUnitFindings(text),
    ...agencyFindings(text),
    ...people,
    ...locationFindings(text),
    ...cityFindings(text, nameWords),
  ];
  for (const f of all) byType.set(f.type, [...(byType.get(f.type) ?? []), f]);
  const accepted: Finding[] = [];
  for (const type of PRIORITY) {
    for (const f of mergeSameType(byType.get(type) ?? [], text)) {
      if (!accepted.some((a) => f.start < a.end && a.start < f.end)) accepted.push(f);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}
