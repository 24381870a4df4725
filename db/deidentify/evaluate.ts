import { identifierTypes, type Finding, type IdentifierType } from "../../domain/identifier-types";

export interface TypeScore {
  type: IdentifierType;
  labelled: number;
  found: number;
  predicted: number;
  correct: number;
  recall: number;
  precision: number;
}

const overlaps = (a: Finding, b: Finding) => a.start < b.end && b.start < a.end;

/**
 * Per-type recall and precision with overlap matching: a labelled identifier counts as found when a
 * finding of the same type overlaps it (the reviewer sees it highlighted); a finding is correct when it
 * overlaps a labelled identifier of its type.
 */
export function scoreFindings(documents: { labels: Finding[]; findings: Finding[] }[]): TypeScore[] {
  return identifierTypes.map((type) => {
    let labelled = 0,
      found = 0,
      predicted = 0,
      correct = 0;
    for (const { labels, findings } of documents) {
      const gold = labels.filter((l) => l.type === type);
      const mine = findings.filter((f) => f.type === type);
      labelled += gold.length;
      predicted += mine.length;
      found += gold.filter((g) => mine.some((m) => overlaps(g, m))).length;
      correct += mine.filter((m) => gold.some((g) => overlaps(g, m))).length;
    }
    return {
      type,
      labelled,
      found,
      predicted,
      correct,
      recall: labelled ? found / labelled : 1,
      precision: predicted ? correct / predicted : 1,
    };
  });
}

/** Share of labelled identifiers that any finding overlaps, whatever type it was given. */
export function anyTypeRecall(documents: { labels: Finding[]; findings: Finding[] }[]): number {
  let labelled = 0,
    found = 0;
  for (const { labels, findings } of documents) {
    labelled += labels.length;
    found += labels.filter((l) => findings.some((f) => overlaps(l, f))).length;
  }
  return labelled ? found / labelled : 1;
}

export interface ClassScore {
  class: string;
  labelled: number;
  found: number;
  recall: number;
  /** Labelled text the detector missed, for the printed report. */
  missed: string[];
}

/** Recall of the labels that carry a class ({{TYPE#class:…}}): found when a finding of the label's type overlaps it. */
export function scoreClasses(
  documents: { labels: (Finding & { class?: string })[]; findings: Finding[] }[],
  classes: readonly string[],
): ClassScore[] {
  return classes.map((name) => {
    let labelled = 0,
      found = 0;
    const missed: string[] = [];
    for (const { labels, findings } of documents) {
      for (const label of labels.filter((l) => l.class === name)) {
        labelled += 1;
        if (findings.some((f) => f.type === label.type && overlaps(label, f))) found += 1;
        else missed.push(label.text);
      }
    }
    return { class: name, labelled, found, recall: labelled ? found / labelled : 1, missed };
  });
}
