import type { Finding, IdentifierType } from "../../../domain/identifier-types";

/**
 * Every match of a global regex as a finding. With a named group `id`, the finding is that group only,
 * so context words ("plate", "badge #") can anchor a match without being redacted themselves.
 */
export function regexFindings(
  text: string,
  pattern: RegExp,
  type: IdentifierType,
  accept?: (value: string, match: RegExpExecArray) => boolean,
): Finding[] {
  const flags = pattern.flags.includes("d") ? pattern.flags : `${pattern.flags}d`;
  const regex = new RegExp(pattern.source, flags.includes("g") ? flags : `${flags}g`);
  const findings: Finding[] = [];
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length === 0) {
      regex.lastIndex += 1;
      continue;
    }
    const [start, end] = match.indices?.groups?.id ?? match.indices![0]!;
    const value = text.slice(start, end);
    if (value.trim() && (!accept || accept(value, match))) findings.push(trimmed({ type, start, end, text: value }));
  }
  return findings;
}

/** Drops surrounding spaces and punctuation (keeping a final "." of an abbreviation like "Ave."). */
export function trimmed(finding: Finding): Finding {
  let { start, end } = finding;
  const source = finding.text;
  let text = source;
  const lead = text.match(/^[\s,;:()"'“”‘’]+/)?.[0].length ?? 0;
  let trail = text.match(/[\s,;:()"“”‘’]+$/)?.[0].length ?? 0;
  // A final "." belongs to the sentence, not the identifier, except in "a.m." or an initial ("N.").
  if (trail === 0 && /[.]$/.test(text) && !/(?:\b[a-zA-Z]\.[a-zA-Z]\.|\b[A-Z]\.)$/.test(text)) trail = 1;
  start += lead;
  end -= trail;
  text = source.slice(lead, source.length - trail);
  return { ...finding, start, end, text };
}
