import nlp from "compromise";
import type { Finding } from "../types";
import { regexFindings } from "./match";

// Ranks, roles and courtesy titles that precede a name in police prose. The title stays in the
// published text ("Sgt. [name]") because the rank is useful context and rarely identifying alone.
const TITLE =
  "(?:Officer|Ofc\\.?|Off\\.|P\\.?O\\.|Deputy|Dep\\.|Sergeant|Sgt\\.?|Lieutenant|Lt\\.?|Captain|Capt\\.?|Cpt\\.?|Corporal|Cpl\\.?|Detective|Det\\.?|Investigator|Inv\\.|Trooper|Tpr\\.?|Agent|S/A|Special Agent|Chief|Sheriff|Undersheriff|Marshal|Constable|Commander|Cmdr\\.?|Major|Maj\\.?|Colonel|Col\\.?|Inspector|Insp\\.?|Inmate|Prisoner|Trainee|Recruit|Cadet|Dispatcher|CO|C\\.O\\.|Nurse|Dr\\.?|Doctor|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Mx\\.?|Judge|Range ?master|Rangemaster|Security officer|Guard|Paramedic|Medic|FTO|K9|Handler)";
const NAME = "[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?";
const PARTICLE = "(?:O['’]|Mc|Mac|De|Di|La|Le|Van|Von|St\\.\\s?)";
const NAME_WORD = `(?:${PARTICLE}?${NAME})`;
const INITIAL = "(?:[A-Z]\\.\\s)";

// Capitalised words that follow a title but are not names ("Officer Safety", "Deputy Chief").
const NOT_NAMES = new Set(
  `Safety Survival Down Involved Needs Assistance Chief Sheriff Sergeant Officer Deputy Lieutenant Captain Trainee Training Program Report Reports Police Department Office Unit Patrol Supervisor Command I We He She They The A An And But Or On In At To Of For With From My Our His Her Their Your This That It Is Was Were Had Has Have Did Do Does Not No Yes Who What When Where Why How Then There Here Also After Before During While Because Nobody Everyone Someone Dispatch Jail County City State Court Street Road Avenue Drive Lane Highway Route North South East West Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Christmas Easter Thanksgiving God Taser Glock Narcan Code Team SWAT SRT K9 MDT CAD NCIC BOLO OC Mace Ford Chevy Chevrolet Honda Toyota Dodge Jeep Nissan Tesla Kia Hyundai Crown Victoria Tahoe Explorer Charger Malibu Civic Camry Bldg Building Apt Suite Unit Station County Township`.split(
    " ",
  ),
);

function isNameWord(word: string): boolean {
  return !NOT_NAMES.has(word.replace(/[.'’]+$/, ""));
}

/** "Sgt. Maria Alvarez", "Officer Tran", "Mrs. Peterson": the words after a title, without the title. */
function titledNames(text: string): Finding[] {
  const pattern = new RegExp(`\\b${TITLE}\\s+(?<id>${INITIAL}?${NAME_WORD}(?:\\s${INITIAL}?${NAME_WORD}){0,2})`, "g");
  return regexFindings(text, pattern, "PERSON", (value) => value.split(/\s+/).every((w) => /^[A-Z]\.$/.test(w) || isNameWord(w)));
}

/** Law-enforcement phrasings that introduce a name: "identified as", "my partner", "the caller,". */
function contextNames(text: string): Finding[] {
  const lead =
    "(?:identified (?:him|her|them|himself|herself)? ?as|identified as|named|name is|name was|gave (?:his|her|their) name as|known as|aka|a\\.k\\.a\\.|(?:my|his|her|our) (?:partner|cover officer|backup|FTO|trainee|sergeant|supervisor|lieutenant|corporal|husband|wife|son|daughter|brother|sister|mother|father|neighbou?r|coworker|co-worker)|(?:the )?(?:caller|complainant|victim|suspect|subject|driver|passenger|resident|witness|reporting party|RP|owner|manager|employee|clerk|coworker|co-worker|homeowner|tenant|juvenile|inmate|prisoner),?|arrested|booked|interviewed|transported|searched|cuffed|handcuffed|told|asked|warrant for|warrant service for|serving|served)";
  const pattern = new RegExp(`\\b${lead}\\s+(?<id>${NAME_WORD}(?:\\s${INITIAL}?${NAME_WORD}){0,2})(?=[\\s,.;:)!?]|$)`, "g");
  return regexFindings(text, pattern, "PERSON", (value) => value.split(/\s+/).every(isNameWord));
}

/** compromise's person recogniser (lexicon of first names and honorifics plus its tagger). */
function nlpNames(text: string): Finding[] {
  const doc = nlp(text);
  const people = doc.people().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[];
  const findings: Finding[] = [];
  for (const person of people) {
    let start = person.offset.start;
    let value = text.slice(start, start + person.offset.length);
    // Keep the rank in the text: strip a leading title the tagger included.
    const title = value.match(new RegExp(`^[(\\s]*${TITLE}\\s+`));
    if (title) {
      start += title[0].length;
      value = value.slice(title[0].length);
    }
    value = value.replace(/[\s,.;:)!?'’]+$/, "").replace(/['’]s$/, "");
    if (new RegExp(`^${TITLE}$`).test(value) || new RegExp(`^${TITLE}$`).test(`${value}.`)) continue; // a rank before "[name]"
    const words = value.split(/\s+/).filter(Boolean);
    if (words.length === 0 || !words.every((w) => /^[A-Z]/.test(w) && isNameWord(w))) continue;
    findings.push({ type: "PERSON", start, end: start + value.length, text: value });
  }
  return findings;
}

/**
 * Names: titles, context phrases and an NLP tagger, then every other mention of a name already found
 * ("Rick" after "my partner Rick", "Kowalski" after "Daniel Kowalski").
 */
export function personFindings(text: string): Finding[] {
  const found = [...titledNames(text), ...contextNames(text), ...nlpNames(text)];
  const words = new Set<string>();
  for (const f of found) for (const w of f.text.split(/\s+/)) if (w.length > 2 && /^[A-Z][a-z]/.test(w) && isNameWord(w)) words.add(w.replace(/['’]s$/, ""));
  const mentions = [...words].flatMap((word) =>
    regexFindings(text, new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b(?:['’]s)?`, "g"), "PERSON"),
  );
  return [...found, ...mentions].map((f) => (/['’]s$/.test(f.text) ? { ...f, end: f.end - 2, text: f.text.slice(0, -2) } : f));
}
