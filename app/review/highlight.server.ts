import { type Draft, mentions } from "../../db/review/draft";
import type { Segment } from "./segment";

export type { Segment };

/**
 * The officer's text cut into plain and highlighted pieces, one highlight per mention of each finding
 * (computed here so the detector and its word lists never reach the browser).
 */
export function highlightSegments(text: string, draft: Draft | null): Segment[] {
  if (!draft) return [{ text }];
  const marks: { start: number; end: number; finding: NonNullable<Segment["finding"]> }[] = [];
  for (const f of [...draft.findings].sort((a, b) => b.text.length - a.text.length)) {
    for (const m of mentions(text, f.text)) {
      if (marks.some((x) => m.start < x.end && x.start < m.end)) continue;
      marks.push({ ...m, finding: { id: f.id, type: f.type, status: f.status, replacement: f.replacement } });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let last = 0;
  for (const m of marks) {
    if (m.start > last) segments.push({ text: text.slice(last, m.start) });
    segments.push({ text: text.slice(m.start, m.end), finding: m.finding });
    last = m.end;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
