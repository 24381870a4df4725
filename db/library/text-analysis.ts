// How text becomes search terms, in one place for the index (SQL, in bulk) and for queries (JS).
// Words are runs of [a-z0-9] after accents are stripped and case folded; a word becomes a term by its
// lemma (irregular forms: lemma.ts) and then the Porter2 stemmer (wink-porter2-stemmer), and stop
// words (the `stopword` package's English list) and single characters are not indexed.
import stem from "wink-porter2-stemmer";
import stopword from "stopword";
import { lemmaOf } from "./lemma";

/** The SQL form of `words()`: `regexp_extract_all(lower(strip_accents(text)), WORD_PATTERN)`. */
export const WORD_PATTERN = "[a-z0-9]+";
const WORD = new RegExp(WORD_PATTERN, "g");
const STOP_WORDS = new Set(stopword.eng);

/** Case-folded, accent-stripped words, in order. */
export function words(text: string): string[] {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().match(WORD) ?? [];
}

/**
 * Which analysis built an index: the vocabulary stores each word's term, so an index built by an
 * older analysis must be rebuilt before new words are added to it (search-index.ts).
 */
export const ANALYSER_VERSION = "porter2+lemma-1";

/** The indexed term of a word, or null when the word is not indexed (stop word, single character). */
export function termOf(word: string): string | null {
  if (word.length < 2 || STOP_WORDS.has(word)) return null;
  return stem(lemmaOf(word));
}

/** A title's comparison key: an exact-title query has the same key (`title_key` in the index). */
export function titleKey(text: string): string {
  return words(text).join(" ");
}
