// The lemma layer of the library search: irregular forms that the Porter2 stemmer cannot
// join to their base word ("knives" → knife, "fled" → flee, "struck" → strike, "women" → woman),
// taken from compromise's lexicon and its noun and verb transforms. Regular inflections are left to
// the stemmer, which already joins them. Used for indexed words and query words alike (termOf).
import nlp from "compromise";

interface Transforms {
  noun: { toSingular(word: string, model: object): string };
  verb: { toInfinitive(word: string, model: object, tense?: string): string };
}
const world = nlp.world() as {
  model: { one: { lexicon: Record<string, string | string[]> }; two: { irregularPlurals: Record<string, string> } };
  methods: { two: { transform: Transforms } };
};
const { lexicon } = world.model.one;
// compromise's irregular plurals (singular → plural), turned round: "feet" → foot, "crises" → crisis.
const IRREGULAR_SINGULAR = new Map(Object.entries(world.model.two.irregularPlurals).map(([one, many]) => [many, one]));
const { noun, verb } = world.methods.two.transform;

/**
 * Forms whose likelier meaning in these narratives is not the lexicon's: "axes" are axes (not axis),
 * "lit" is lit (a dark-lit street, not light), "bore" a rifle's bore, "leaves" someone leaving, "pent",
 * "media". Joining them would make a search return reports about something else.
 */
const OWN_LEMMA: Record<string, string> = {
  axes: "axe",
  lit: "lit",
  bore: "bore",
  leaves: "leave",
  pent: "pent",
  media: "media",
};

// "-men" words that are not plurals of "-man".
const NOT_MEN_PLURALS = new Set([
  "abdomen",
  "omen",
  "omens",
  "specimen",
  "regimen",
  "acumen",
  "stamen",
  "hymen",
  "semen",
  "bitumen",
  "albumen",
  "lumen",
  "dolmen",
  "cyclamen",
  "amen",
]);

const VERB_TENSES = ["PastTense", "Participle"];

/** The base word of an irregular form, or the word itself. Lower-case words in, lower-case words out. */
export function lemmaOf(word: string): string {
  const own = OWN_LEMMA[word];
  if (own !== undefined) return own;
  const singular = IRREGULAR_SINGULAR.get(word);
  if (singular !== undefined) return singular;
  const tags = [lexicon[word] ?? []].flat();
  const tense = tags.find((t) => VERB_TENSES.includes(t));
  if (tense) {
    // Past forms the lexicon knows ("ran", "fled", "thrown"); a base it does not know is a misreading.
    const base = verb.toInfinitive(word, world.model, tense);
    return base && lexicon[base] !== undefined ? base : word;
  }
  if (tags.includes("Plural")) return noun.toSingular(word, world.model) || word;
  // Plurals the lexicon does not list but whose ending says what they are: "knives", "shelves", "gunmen".
  if (tags.length === 0 && (/ves$/.test(word) || (/men$/.test(word) && !NOT_MEN_PLURALS.has(word)))) {
    return noun.toSingular(word, world.model) || word;
  }
  return word;
}
