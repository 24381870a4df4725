import { identifierTypes, type Finding, type IdentifierType } from "../types";

/** Turns a marked-up narrative ("{{PERSON:Ann Lee}}") into its plain text and labelled spans. */
export function parseLabelled(marked: string): { text: string; labels: Finding[] } {
  const labels: Finding[] = [];
  let text = "";
  let last = 0;
  for (const match of marked.matchAll(/\{\{([A-Z_]+):([\s\S]*?)\}\}/g)) {
    const type = match[1] as IdentifierType;
    if (!identifierTypes.includes(type)) throw new Error(`Unknown label type ${match[1]}`);
    text += marked.slice(last, match.index);
    labels.push({ type, start: text.length, end: text.length + match[2]!.length, text: match[2]! });
    text += match[2];
    last = match.index! + match[0].length;
  }
  return { text: text + marked.slice(last), labels };
}
