// The working draft of a report under review: pure data and pure changes, no database. It holds raw
// identifiers (findings), so it is only ever stored encrypted (draft-store.ts).
import { detectIdentifiers } from "../deidentify/detect";
import { defaultReplacement } from "../deidentify/replacement";
import type { IdentifierType } from "../../domain/identifier-types";
import type { SubmissionPayload } from "../intake/submission-payload";
import type { Coding } from "../../domain/review/coding";

export type TextField = "title" | "summary" | "lessons";
export const textFields: readonly TextField[] = ["title", "summary", "lessons"];

export interface DraftFinding {
  id: string;
  type: IdentifierType;
  /** The identifying text as it appears (all its mentions are replaced when accepted). */
  text: string;
  replacement: string;
  status: "open" | "accepted" | "rejected";
  /** detector: found in the officer's text; recheck: found in the edited text; reviewer: marked by hand. */
  origin: "detector" | "recheck" | "reviewer";
}

export interface DraftComment {
  stage: 2;
  reviewerId: string;
  text: string;
  on: string;
}

export interface Draft {
  version: 1;
  /** The publishable texts: the officer's words with accepted findings replaced, then edited freely. */
  title: string;
  summary: string;
  lessons: string;
  findings: DraftFinding[];
  coding: Partial<Coding>;
  comments: DraftComment[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every whole-word mention of `needle` (not inside a longer word or number, not inside brackets). */
export function mentions(haystack: string, needle: string): { start: number; end: number }[] {
  if (!needle.trim()) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle)}(?![\\p{L}\\p{N}])`, "gu");
  const found: { start: number; end: number }[] = [];
  for (const m of haystack.matchAll(pattern)) {
    const before = haystack.lastIndexOf("[", m.index!);
    const closed = haystack.lastIndexOf("]", m.index!);
    if (before > closed && haystack.indexOf("]", m.index!) !== -1) continue;
    found.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return found;
}

function replaceMentions(text: string, needle: string, replacement: string): string {
  let out = "";
  let last = 0;
  for (const m of mentions(text, needle)) {
    out += text.slice(last, m.start) + replacement;
    last = m.end;
  }
  return out + text.slice(last);
}

/**
 * Applies every accepted finding to the publishable texts, longest first ("Rick Dunn" before "Rick").
 * A finding decided after a shorter one inside it ("Kowalski", then "Daniel Kowalski") is also found
 * in its already half-replaced form ("Daniel [name]"), so no part of it is left behind.
 */
export function enforceAccepted(draft: Draft): Draft {
  const accepted = draft.findings.filter((f) => f.status === "accepted").sort((a, b) => b.text.length - a.text.length);
  const next = { ...draft };
  for (const f of accepted) {
    const inner = accepted.filter(
      (g) => g !== f && g.text.length < f.text.length && mentions(f.text, g.text).length > 0,
    );
    const forms = new Set([f.text]);
    let combined = f.text;
    for (const g of inner) {
      forms.add(replaceMentions(f.text, g.text, g.replacement));
      combined = replaceMentions(combined, g.text, g.replacement);
    }
    forms.add(combined);
    for (const field of textFields)
      for (const form of forms) next[field] = replaceMentions(next[field], form, f.replacement);
  }
  return next;
}

/**
 * A finding's id follows from its text (FNV-1a), so the findings a re-check adds on every view keep the
 * same id between the page and the action that decides them.
 */
export function findingId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `f${hash.toString(36)}${text.length.toString(36)}`;
}

function groupFindings(texts: string[], origin: DraftFinding["origin"], known: DraftFinding[]): DraftFinding[] {
  const added: DraftFinding[] = [];
  for (const text of texts) {
    for (const f of detectIdentifiers(text)) {
      if (/^\[.*\]$/.test(f.text)) continue;
      if ([...known, ...added].some((k) => k.text === f.text)) continue;
      added.push({
        id: findingId(f.text),
        type: f.type,
        text: f.text,
        replacement: defaultReplacement(f.type, f.text),
        status: "open",
        origin,
      });
    }
  }
  return added;
}

/** The first draft of a submission: the officer's texts, the detector's findings, the officer's coding. */
export function initialDraft(payload: SubmissionPayload): Draft {
  return {
    version: 1,
    title: payload.title,
    summary: payload.narrative,
    lessons: payload.lessons,
    findings: groupFindings([payload.title, payload.narrative, payload.lessons], "detector", []),
    coding: {
      incidentType: payload.incidentType as Coding["incidentType"],
      factors: payload.factors.slice(0, 5) as Coding["factors"],
      lossPotential: payload.lossPotential as Coding["lossPotential"],
      eventMonth: payload.eventMonth,
      timeBlock: payload.timeBlock as Coding["timeBlock"],
      light: payload.light as Coding["light"],
      weather: payload.weather as Coding["weather"],
      officersBand: payload.officersOnScene as Coding["officersBand"],
      assignment: payload.assignment as Coding["assignment"],
      serviceBand: payload.serviceBand as Coding["serviceBand"],
    },
    comments: [],
  };
}

/**
 * Looks at the publishable texts again (after free editing): identifiers the detector finds there that
 * no finding covers become new open findings, so they block publication until someone decides.
 */
export function recheck(draft: Draft): Draft {
  const enforced = enforceAccepted(draft);
  const added = groupFindings(
    textFields.map((f) => enforced[f]),
    "recheck",
    enforced.findings,
  );
  return added.length ? { ...enforced, findings: [...enforced.findings, ...added] } : enforced;
}

export function decideFinding(
  draft: Draft,
  findingId: string,
  decision: "accepted" | "rejected" | "open",
  replacement?: string,
): Draft {
  const findings = draft.findings.map((f) =>
    f.id === findingId
      ? { ...f, status: decision, replacement: replacement?.trim() ? normaliseReplacement(replacement) : f.replacement }
      : f,
  );
  return enforceAccepted({ ...draft, findings });
}

/** Removes every finding still to decide, each with its suggested replacement. */
export function acceptAllOpen(draft: Draft): Draft {
  return enforceAccepted({
    ...draft,
    findings: draft.findings.map((f) => (f.status === "open" ? { ...f, status: "accepted" as const } : f)),
  });
}

/** A replacement is always bracketed, so the published text shows where something was removed. */
export function normaliseReplacement(value: string): string {
  const inner = value
    .trim()
    .replace(/^\[+|\]+$/g, "")
    .replace(/[[\]]/g, "")
    .trim();
  return `[${inner || "removed"}]`;
}

/** A span the reviewer marked by hand: accepted at once, every mention replaced. */
export function markSpan(draft: Draft, span: { text: string; type: IdentifierType; replacement?: string }): Draft {
  const existing = draft.findings.find((f) => f.text === span.text);
  const replacement = normaliseReplacement(
    span.replacement?.trim() ? span.replacement : defaultReplacement(span.type, span.text),
  );
  const findings = existing
    ? draft.findings.map((f) =>
        f === existing ? { ...f, status: "accepted" as const, type: span.type, replacement } : f,
      )
    : [
        ...draft.findings,
        {
          id: findingId(span.text),
          type: span.type,
          text: span.text,
          replacement,
          status: "accepted" as const,
          origin: "reviewer" as const,
        },
      ];
  return enforceAccepted({ ...draft, findings });
}

export function editTexts(draft: Draft, texts: Pick<Draft, TextField>): Draft {
  return recheck({ ...draft, ...texts });
}

export function unresolvedFindings(draft: Draft): DraftFinding[] {
  return draft.findings.filter((f) => f.status === "open");
}
