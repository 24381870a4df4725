// Highlighted snippets: the stretch of a narrative with the most query words, as text segments that
// the page renders as <mark> (never as HTML strings, so narrative text cannot inject markup).
import type { AnalysedQuery } from "./search-query";
import { termOf, words } from "./text-analysis";

export type Snippet = { text: string; hit: boolean }[];

const WINDOW_WORDS = 26;
const PLAIN_CHARS = 160;
const TOKEN = /[\p{L}\p{N}]+/gu;

interface Token {
  start: number;
  end: number;
  hit: boolean;
}

function tokens(text: string, terms: ReadonlySet<string>): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    hit: words(m[0]).some((w) => {
      const term = termOf(w);
      return term !== null && terms.has(term);
    }),
  }));
}

function plain(text: string): Snippet {
  if (text.length <= PLAIN_CHARS) return [{ text, hit: false }];
  const cut = text.lastIndexOf(" ", PLAIN_CHARS);
  return [{ text: `${text.slice(0, cut > 0 ? cut : PLAIN_CHARS)}…`, hit: false }];
}

/** The best window of summary or lessons for the query; the summary's opening when not searching. */
export function makeSnippet(summary: string, lessons: string, query: AnalysedQuery | null): Snippet {
  if (!query || query.weights.size === 0) return plain(summary);
  const terms = new Set(query.weights.keys());
  let best: { text: string; toks: Token[]; from: number; hits: number } | null = null;
  for (const text of [summary, lessons]) {
    const toks = tokens(text, terms);
    for (let from = 0; from < Math.max(1, toks.length - WINDOW_WORDS + 1); from++) {
      const hits = toks.slice(from, from + WINDOW_WORDS).filter((t) => t.hit).length;
      if (!best || hits > best.hits) best = { text, toks, from, hits };
    }
  }
  if (!best || best.hits === 0) return plain(summary);
  const { text, toks } = best;
  // Start the window a few words before its first hit, so the hit has context.
  const firstHit = toks.findIndex((t, i) => i >= best.from && t.hit);
  const from = Math.max(0, Math.min(firstHit - 6, toks.length - WINDOW_WORDS));
  const window = toks.slice(from, from + WINDOW_WORDS);
  const start = from === 0 ? 0 : window[0]!.start;
  const end = from + WINDOW_WORDS >= toks.length ? text.length : window[window.length - 1]!.end;
  const segments: Snippet = [];
  if (start > 0) segments.push({ text: "…", hit: false });
  let cursor = start;
  for (const t of window.filter((w) => w.hit)) {
    if (t.start > cursor) segments.push({ text: text.slice(cursor, t.start), hit: false });
    segments.push({ text: text.slice(t.start, t.end), hit: true });
    cursor = t.end;
  }
  if (end > cursor) segments.push({ text: text.slice(cursor, end), hit: false });
  if (end < text.length) segments.push({ text: "…", hit: false });
  return segments;
}
