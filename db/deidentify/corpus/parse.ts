import { identifierTypes, type Finding, type IdentifierType } from "../../../domain/identifier-types";

/** A labelled identifier; `class` names a narrower kind for a per-class recall ("title-surname"). */
export interface LabelledSpan extends Finding {
  class?: string;
}

/**
 * Turns a marked-up narrative ("{{PERSON:Ann Lee}}", or with a class "{{PERSON#title-surname:Sgt. Lee}}")
 * into its plain text and labelled spans.
 */
export function parseLabelled(marked: string): { text: string; labels: LabelledSpan[] } {
  const labels: LabelledSpan[] = [];
  let text = "";
  let last = 0;
  for (const match of marked.matchAll(/\{\{([A-Z_]+)(?:#([a-z-]+))?:([\s\S]*?)\}\}/g)) {
    const type = match[1] as IdentifierType;
    if (!identifierTypes.includes(type)) throw new Error(`Unknown label type ${match[1]}`);
    const value = match[3]!;
    text += marked.slice(last, match.index);
    labels.push({
      type,
      start: text.length,
      end: text.length + value.length,
      text: value,
      ...(match[2] ? { class: match[2] } : {}),
    });
    text += value;
    last = match.index! + match[0].length;
  }
  return { text: text + marked.slice(last), labels };
}
