// Discussion questions for a roll-call or academy session, drawn from a report's own lessons learned:
// each lesson sentence becomes a question that asks the room how it applies to them, and the report's
// contributing-factor families add one question each about what the officers could have noticed or done.
// Deterministic (the same report always gives the same questions) and free of any judgement of the
// officer who reported: the questions are about the room's own practice.
import { familyOfFactor, type FactorFamilyCode } from "../domain/taxonomy/index";

const MAX_LESSON_QUESTIONS = 3;
const MAX_QUESTIONS = 5;

const lessonPrompts = [
  (lesson: string) =>
    `The report's lesson: “${lesson}” How well do we do this on our shifts today, and what gets in the way?`,
  (lesson: string) =>
    `“${lesson}” Think of a call of ours where this would have mattered. What would you do differently?`,
  (lesson: string) => `“${lesson}” What would it take for this to become a habit on every call?`,
];

const familyPrompts: Record<FactorFamilyCode, string> = {
  situational_awareness: "What did the officer notice too late, and what would have helped them notice it sooner?",
  subject_threat: "At what moment could the threat have been recognised, and what would you have done at that moment?",
  equipment: "How do we check this equipment before a shift, and what is our backup when it fails?",
  hazardous_conditions: "How should the conditions have changed the approach, the positioning or the timing?",
  tactics_decisions: "What other choices were open at each step, and what made them harder to take?",
  team_communication: "What information was missing or misunderstood, and who could have supplied it in time?",
  human_factors: "How do fatigue, stress or inexperience show up on our shifts, and how do we look out for each other?",
  other: "What is the one thing you would change in your own practice after reading this report?",
};

/** Sentences of a text (a lesson may also be a list with line breaks or bullets). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^[-•*\d.)\s]+/, "").trim())
    .filter((s) => s.length >= 12);
}

export function discussionQuestions(lessons: string, factorCodes: readonly string[]): string[] {
  const fromLessons = sentences(lessons)
    .slice(0, MAX_LESSON_QUESTIONS)
    .map((s, i) => lessonPrompts[i % lessonPrompts.length]!(/[.!?]$/.test(s) ? s : `${s}.`));
  const families = [
    ...new Set(factorCodes.map((c) => familyOfFactor(c)).filter((f): f is FactorFamilyCode => Boolean(f))),
  ];
  const fromFactors = families.map((f) => familyPrompts[f]);
  const questions = [...fromLessons, ...fromFactors].slice(0, MAX_QUESTIONS);
  return questions.length > 0 ? questions : [familyPrompts.other];
}
