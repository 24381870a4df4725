import { describe, expect, it } from "vitest";
import { RAW_PAYLOAD } from "../../tests/review/review-fixtures";
import {
  acceptAllOpen,
  decideFinding,
  editTexts,
  initialDraft,
  markSpan,
  mentions,
  recheck,
  unresolvedFindings,
} from "./draft";

describe("review drafts", () => {
  it("starts from the officer's texts and coding, with the detector's findings open", () => {
    const draft = initialDraft(RAW_PAYLOAD);
    expect(draft.summary).toBe(RAW_PAYLOAD.narrative);
    expect(draft.coding).toMatchObject({
      incidentType: "disturbance_fight",
      factors: RAW_PAYLOAD.factors,
      eventMonth: "2024-03",
      officersBand: "2",
    });
    expect(draft.findings.map((f) => f.text)).toEqual(
      expect.arrayContaining(["Daniel Kowalski", "0215 hrs", "7ABC123", "(312) 555-0147"]),
    );
    expect(unresolvedFindings(draft).length).toBe(draft.findings.length);
  });

  it("replaces every whole-word mention of an accepted finding in title, summary and lessons", () => {
    const draft = initialDraft(RAW_PAYLOAD);
    const kowalski = draft.findings.find((f) => f.text === "Kowalski")!;
    const next = decideFinding(draft, kowalski.id, "accepted", "officer");
    expect(next.lessons).toBe("Pat down before paperwork. [officer] says the same: cover first, paperwork later.");
    expect(next.summary).toContain("Daniel [officer]");
    // Deciding the longer finding afterwards still removes the first name.
    const daniel = next.findings.find((f) => f.text === "Daniel Kowalski")!;
    expect(decideFinding(next, daniel.id, "accepted").summary).toContain("Ofc. [name] and I");
  });

  it("keeps finding ids stable across re-checks, so the page and the action agree", () => {
    const draft = acceptAllOpen(initialDraft(RAW_PAYLOAD));
    const edited = editTexts(draft, {
      title: draft.title,
      summary: `${draft.summary} Backup was Officer Maria Alvarez.`,
      lessons: draft.lessons,
    });
    const again = recheck(edited);
    const added = edited.findings.filter((f) => f.origin === "recheck");
    expect(added.map((f) => f.text)).toEqual(["Maria Alvarez"]);
    expect(again.findings.map((f) => f.id)).toEqual(edited.findings.map((f) => f.id));
    expect(unresolvedFindings(decideFinding(again, added[0]!.id, "accepted")).length).toBe(0);
  });

  it("re-applies accepted findings to freely edited text and never touches bracketed replacements", () => {
    const draft = acceptAllOpen(initialDraft(RAW_PAYLOAD));
    const edited = editTexts(draft, {
      title: draft.title,
      summary: `${draft.summary} Tyrone Jackson again.`,
      lessons: draft.lessons,
    });
    expect(edited.summary).not.toContain("Tyrone Jackson");
    expect(mentions("a [name] and name", "name")).toEqual([{ start: 13, end: 17 }]);
  });

  it("marks a span by hand, bracketed, as accepted", () => {
    const draft = markSpan(initialDraft(RAW_PAYLOAD), { text: "the card", type: "LOCATION", replacement: "form" });
    expect(draft.summary).toContain("while I wrote [form]");
    expect(draft.findings.at(-1)).toMatchObject({ origin: "reviewer", status: "accepted", replacement: "[form]" });
  });
});
