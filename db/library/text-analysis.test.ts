import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase } from "../../tests/support/test-database";
import { termOf, titleKey, WORD_PATTERN, words } from "./text-analysis";

describe("text analysis", () => {
  it("stems with Porter2 and drops stop words", () => {
    expect(words("The officer's pursuing, Pursued!")).toEqual(["the", "officer", "s", "pursuing", "pursued"]);
    expect(["the", "s", "pursuing", "pursued", "officers", "vehicles", "searched"].map(termOf)).toEqual([
      null,
      null,
      "pursu",
      "pursu",
      "offic",
      "vehicl",
      "search",
    ]);
  });

  it("joins irregular forms to their base word before stemming, not look-alikes of another meaning", () => {
    const pairs = [
      ["knives", "knife"],
      ["fled", "flee"],
      ["struck", "strike"],
      ["thrown", "throw"],
      ["women", "woman"],
      ["feet", "foot"],
      ["gunmen", "gunman"],
      ["axes", "axe"],
    ];
    for (const [form, base] of pairs) expect(termOf(form!), form).toBe(termOf(base!));
    for (const [a, b] of [
      ["wound", "wind"],
      ["left", "leave"],
      ["lit", "light"],
      ["axes", "axis"],
      ["ground", "grind"],
      ["abdomen", "abdoman"],
    ]) {
      expect(termOf(a!), `${a} / ${b}`).not.toBe(termOf(b!));
    }
  });

  it("folds accents and case like the SQL used to build the index", async () => {
    const samples = [
      "Café at [a restaurant], 3 a.m.; the suspect's SUV",
      "Naïve rookie — didn't wait for back-up (Unit 12B)",
      "ÉMILE ran 100 m; l'agent était là",
      "tabs\tand\nnew lines, x-ray, O'Brien",
    ];
    const database = await createTestDatabase();
    try {
      for (const text of samples) {
        const { rows } = await sql<{ w: string[] }>`
          SELECT regexp_extract_all(lower(strip_accents(${text})), ${WORD_PATTERN}) AS w`.execute(database.db);
        expect(words(text)).toEqual(rows[0]!.w);
      }
    } finally {
      await database.close();
    }
  });

  it("keys a title by its words", () => {
    expect(titleKey("  Loaded handgun missed after a Traffic-Stop ")).toBe(
      "loaded handgun missed after a traffic stop",
    );
  });
});
