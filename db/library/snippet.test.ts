import { describe, expect, it } from "vitest";
import type { AnalysedQuery } from "./search-query";
import { makeSnippet } from "./snippet";

const query = (...terms: string[]): AnalysedQuery => ({
  words: terms.map((t) => ({ word: t, terms: [t], postings: 1 })),
  ignored: [],
  titleKey: terms.join(" "),
  weights: new Map(terms.map((t, i) => [t, [1000, 1 << i]])),
});

describe("snippets", () => {
  it("marks every word whose stem matches, keeping the text as it was written", () => {
    const snippet = makeSnippet(
      "Officers were Pursuing a suspect; the pursuit ended at <b>[a river]</b>.",
      "",
      query("pursu", "pursuit"),
    );
    expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(["Pursuing", "pursuit"]);
    expect(snippet.map((s) => s.text).join("")).toBe(
      "Officers were Pursuing a suspect; the pursuit ended at <b>[a river]</b>.",
    );
  });

  it("takes the best window from the lessons when the summary has no match, with ellipses", () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    const snippet = makeSnippet(long, `${long} then the radio failed ${long}`, query("radio", "fail"));
    const text = snippet.map((s) => s.text).join("");
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(["radio", "failed"]);
  });

  it("without a query shows the summary's opening", () => {
    const snippet = makeSnippet("a ".repeat(200), "", null);
    expect(snippet).toHaveLength(1);
    expect(snippet[0]!.text.length).toBeLessThanOrEqual(161);
  });
});
