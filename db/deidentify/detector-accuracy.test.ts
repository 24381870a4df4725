import { describe, expect, it } from "vitest";
import { blindCorpus } from "./corpus/blind";
import { heldOutCorpus } from "./corpus/held-out";
import { type MissedClass, missedClasses, missedClassesHeldOut, missedClassesTuning } from "./corpus/missed-classes";
import { parseLabelled } from "./corpus/parse";
import { tuningCorpus } from "./corpus/tuning";
import { detectIdentifiers } from "./detect";
import { anyTypeRecall, type ClassScore, scoreClasses, scoreFindings, type TypeScore } from "./evaluate";
import type { IdentifierType } from "../../domain/identifier-types";

// Acceptance: structured identifiers at recall ≥ 0.95, names at ≥ 0.85, on the labelled corpus.
const STRUCTURED: IdentifierType[] = ["PHONE", "EMAIL", "VIN", "PLATE", "TIME", "DATE", "CASE_NUMBER"];
const STRUCTURED_RECALL = 0.95;
const NAME_RECALL = 0.85;

/**
 * The classes reviewers found missing (corpus/missed-classes.ts), on their tuning and held-out
 * narratives together (6–19 labels each). A class
 * found by a pattern anchored on a context word (a record or serial word, a plate word beside a state
 * name) is held to the structured types' standard: every label, since one miss in 6–7 would already be
 * 0.86. Title-and-surname is held to the names' 0.85. Businesses and cities are open vocabulary (no
 * list can hold every venue or town, and a capitalised word after "in" or "from" is as often something
 * else), so they are held to 0.75, the lower end of what docs/design.md §6 expects of the best open tools —
 * the reviewers read every report.
 */
const CLASS_RECALL: Record<MissedClass, number> = {
  "title-surname": 0.85,
  "business-venue": 0.75,
  city: 0.75,
  "nic-number": 1,
  "serial-number": 1,
  "state-plate": 1,
};

/**
 * Every type's recall on all narratives together (the "All" table the first test prints), so that a type
 * the acceptance above does not name (badges, agencies, places, radio channels, NCIC and serial numbers)
 * cannot fall unseen. Each floor is the recall measured on 2026-12-05 (found/labelled in the comment) less
 * one more missed label or 0.05, whichever allows more, rounded down to 0.01 — one unlucky rule change
 * passes, a real regression does not; never below the acceptance above (structured 0.95, names 0.85).
 */
const TYPE_RECALL_FLOOR: Record<IdentifierType, number> = {
  PERSON: 0.93, // 73/74 = 0.99
  BADGE_OR_UNIT: 0.9, // 10/10
  AGENCY: 0.85, // 13/14 = 0.93
  LOCATION: 0.93, // 88/89 = 0.99
  DATE: STRUCTURED_RECALL, // 18/18
  TIME: STRUCTURED_RECALL, // 18/18
  CASE_NUMBER: STRUCTURED_RECALL, // 15/15
  PLATE: STRUCTURED_RECALL, // 16/16
  VIN: STRUCTURED_RECALL, // 6/6
  PHONE: STRUCTURED_RECALL, // 9/9
  EMAIL: STRUCTURED_RECALL, // 5/5
  RADIO_CHANNEL: 0.85, // 7/7
  NCIC: 0.88, // 9/9
  SERIAL_NUMBER: 0.85, // 7/7
};

function run(corpus: readonly string[]) {
  return corpus.map((marked) => {
    const { text, labels } = parseLabelled(marked);
    return { labels, findings: detectIdentifiers(text) };
  });
}

function table(title: string, scores: TypeScore[], anyRecall: number): string {
  const rows = scores.map(
    (s) =>
      `  ${s.type.padEnd(14)} recall ${s.recall.toFixed(2)} ` +
      `(${String(s.found).padStart(3)}/${String(s.labelled).padEnd(3)})  precision ${s.precision.toFixed(2)} ` +
      `(${String(s.correct).padStart(3)}/${String(s.predicted).padEnd(3)})`,
  );
  return [`${title}`, ...rows, `  any identifier caught (whatever its type): ${anyRecall.toFixed(3)}`].join("\n");
}

function classTable(title: string, scores: ClassScore[]): string {
  const rows = scores.map(
    (s) =>
      `  ${s.class.padEnd(15)} recall ${s.recall.toFixed(2)} ` +
      `(${String(s.found).padStart(2)}/${String(s.labelled).padEnd(2)})` +
      (s.missed.length ? `  missed: ${s.missed.join(" · ")}` : ""),
  );
  return [title, ...rows].join("\n");
}

describe("identifier detector accuracy on the labelled corpus", () => {
  const tuning = run(tuningCorpus);
  const heldOut = run(heldOutCorpus);
  const blind = run(blindCorpus);
  const classTuning = run(missedClassesTuning);
  const classHeldOut = run(missedClassesHeldOut);
  const classAll = [...classTuning, ...classHeldOut];
  const all = [...tuning, ...heldOut, ...blind, ...classAll];
  const scores = scoreFindings(all);
  const classScores = scoreClasses(classAll, missedClasses);

  // docs/privacy.md ("The identifier detector") gives each set's first-run figures, before any rule saw it.
  it("prints each set's recall and precision per type, and holds every type to its floor on all of them", () => {
    const report = [
      table(`Tuning set (${tuning.length} narratives)`, scoreFindings(tuning), anyTypeRecall(tuning)),
      table(`Held-out set (${heldOut.length} narratives)`, scoreFindings(heldOut), anyTypeRecall(heldOut)),
      table(`Blind set (${blind.length} narratives)`, scoreFindings(blind), anyTypeRecall(blind)),
      table(`Issue 16 classes (${classAll.length} narratives)`, scoreFindings(classAll), anyTypeRecall(classAll)),
      classTable(
        `Issue 16 classes, tuning (${classTuning.length} narratives)`,
        scoreClasses(classTuning, missedClasses),
      ),
      classTable(
        `Issue 16 classes, held out (${classHeldOut.length} narratives)`,
        scoreClasses(classHeldOut, missedClasses),
      ),
      classTable(`Issue 16 classes, both (${classAll.length} narratives)`, classScores),
      table(`All (${all.length} narratives)`, scores, anyTypeRecall(all)),
    ].join("\n");
    process.stdout.write(`\n${report}\n`);
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(classAll.length).toBeGreaterThanOrEqual(20);
    // A type with no labels would score a recall of 1: each has at least 5 (the fewest today, EMAIL).
    expect(scores.filter((s) => s.labelled < 5).map((s) => `${s.type}: ${s.labelled} labelled`)).toEqual([]);
    const below = scores
      .filter((s) => s.recall < TYPE_RECALL_FLOOR[s.type])
      .map((s) => `${s.type}: ${s.recall.toFixed(3)} (${s.found}/${s.labelled}) < ${TYPE_RECALL_FLOOR[s.type]}`);
    expect(below, "types below their recall floor on all narratives").toEqual([]);
  });

  it.each(STRUCTURED)(`finds %s with recall ≥ ${STRUCTURED_RECALL}`, (type) => {
    const score = scores.find((s) => s.type === type)!;
    expect(score.labelled).toBeGreaterThan(0);
    expect(score.recall).toBeGreaterThanOrEqual(STRUCTURED_RECALL);
  });

  it(`finds names with recall ≥ ${NAME_RECALL}`, () => {
    const score = scores.find((s) => s.type === "PERSON")!;
    expect(score.labelled).toBeGreaterThanOrEqual(30);
    expect(score.recall).toBeGreaterThanOrEqual(NAME_RECALL);
  });

  it.each(missedClasses)("finds issue 16's class %s at its recall threshold", (name) => {
    const score = classScores.find((s) => s.class === name)!;
    expect(score.labelled, `labelled examples of ${name}`).toBeGreaterThanOrEqual(5);
    expect(score.recall, `${name} missed: ${score.missed.join(" · ")}`).toBeGreaterThanOrEqual(CLASS_RECALL[name]);
  });
});
