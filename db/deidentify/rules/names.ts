import nlp from "compromise";
import type { Finding } from "../../../domain/identifier-types";
import { regexFindings } from "./match";

// Ranks, roles and courtesy titles that precede a name in police prose. The title stays in the
// published text ("Sgt. [name]") because the rank is useful context and rarely identifying alone.
export const TITLE =
  "(?:Patrol(?:wo)?man|Patrol Officer|PFC|Pfc\\.|Pvt\\.?|Warden|Jailer|Bailiff|Ranger|Chaplain|Officer|Ofc\\.?|" +
  "Off\\.|P\\.?O\\.|Deputy|Dep\\.|Sergeant|Sgt\\.?|Lieutenant|Lt\\.?|Captain|Capt\\.?|Cpt\\.?|Corporal|" +
  "Cpl\\.?|Detective|Det\\.?|Investigator|Inv\\.|Trooper|Tpr\\.?|Agent|S/A|Special Agent|Chief|Sheriff|" +
  "Undersheriff|Marshal|Constable|Commander|Cmdr\\.?|Major|Maj\\.?|Colonel|Col\\.?|Inspector|Insp\\.?|Inmate|" +
  "Prisoner|Trainee|Recruit|Cadet|Dispatcher|CO|C\\.O\\.|Nurse|Dr\\.?|Doctor|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|" +
  "Mx\\.?|Judge|Range ?master|Rangemaster|Security officer|Guard|Paramedic|Medic|FTO|K9|Handler)";
const NAME = "[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?";
const PARTICLE = "(?:O['’]|Mc|Mac|De|Di|La|Le|Van|Von|St\\.\\s?)";
const NAME_WORD = `(?:${PARTICLE}?${NAME})`;
const INITIAL = "(?:[A-Z]\\.\\s)";

// Ranks, roles and words that follow a title without being a name ("Officer Safety", "Deputy Chief",
// "Major Crimes"). After a title anything else is a surname, even an ordinary word ("Lt. May", "Det. Ford").
const NOT_AFTER_TITLE = (
  `Safety Survival Down Involved Needs Assistance Chief Sheriff Sergeant Officer Officers Deputy Lieutenant ` +
  `Captain Trainee Training Program Report Reports Police Department Office Unit Patrol Supervisor Command ` +
  `Crimes Crime Case Cases Incident Accident Response Crisis Intervention Services Division Bureau Squad Task ` +
  `Force Detail Services Staff I We He She They The A An And But Or On In At To Of For With From My Our His ` +
  `Her Their Your This That It Is Was Were Had Has Have Did Do Does Not No Yes Who What When Where Why How ` +
  `Then There Here Also After Before During While Because Nobody Everyone Someone Dispatch Jail County City ` +
  `State Court Team SWAT SRT K9 MDT CAD NCIC BOLO OC Mace Taser Glock Narcan Code Bldg Building Apt Suite ` +
  `Station Township`
).split(" ");

// Capitalised words that are not names when the tagger or a context phrase offers them: the words
// above, and months, weekdays, holidays, makes and models, street words.
const NOT_NAMES = new Set([
  ...NOT_AFTER_TITLE,
  ...(
    `Street Road Avenue Drive Lane Highway Route North South East West Monday Tuesday Wednesday Thursday Friday ` +
    `Saturday Sunday January February March April May June July August September October November December ` +
    `Christmas Easter Thanksgiving God Ford Chevy Chevrolet Honda Toyota Dodge Jeep Nissan Tesla Kia Hyundai ` +
    `Crown Victoria Tahoe Explorer Charger Malibu Civic Camry`
  ).split(" "),
]);
const NOT_AFTER_TITLE_SET = new Set(NOT_AFTER_TITLE);

function isNameWord(word: string): boolean {
  return !NOT_NAMES.has(word.replace(/[.'’]+$/, ""));
}

function isNameAfterTitle(word: string): boolean {
  return !NOT_AFTER_TITLE_SET.has(word.replace(/[.'’]+$/, ""));
}

// A title in the plural before several names: "Officers Diaz and Lee", "Deputies Ramos, Cole and Tate".
const PLURAL_TITLE =
  "(?:Officers|Ofcs\\.|Deputies|Sergeants|Sgts\\.|Lieutenants|Lts\\.|Captains|Corporals|Cpls\\.|Detectives|" +
  "Dets\\.|Troopers|Agents|Special Agents|Investigators|Inspectors|Dispatchers|Patrolmen|Recruits|Cadets|" +
  "Trainees|Paramedics|Medics|Nurses|Guards|Inmates|Doctors|Drs\\.)";

/** "Sgt. Maria Alvarez", "Officer Tran", "Mrs. Peterson": the words after a title, without the title. */
function titledNames(text: string): Finding[] {
  const pattern = new RegExp(`\\b${TITLE}\\s+(?<id>${INITIAL}?${NAME_WORD}(?:\\s${INITIAL}?${NAME_WORD}){0,2})`, "g");
  return regexFindings(text, pattern, "PERSON", (value) =>
    value.split(/\s+/).every((w) => /^[A-Z]\.$/.test(w) || isNameAfterTitle(w)),
  );
}

/** "Officers Diaz and Lee": each name after a plural title, up to the last "and". */
function pluralTitledNames(text: string): Finding[] {
  const list = new RegExp(
    `\\b${PLURAL_TITLE}\\s+(?<id>${NAME_WORD}(?:,\\s${NAME_WORD})*,?\\s(?:and|&)\\s${NAME_WORD})\\b`,
    "g",
  );
  return regexFindings(text, list, "PERSON").flatMap((list) =>
    regexFindings(list.text, new RegExp(NAME_WORD, "g"), "PERSON", isNameAfterTitle).map((f) => ({
      ...f,
      start: f.start + list.start,
      end: f.end + list.start,
    })),
  );
}

/** Law-enforcement phrasings that introduce a name: "identified as", "my partner", "the caller,". */
function contextNames(text: string): Finding[] {
  const lead =
    "(?:identified (?:him|her|them|himself|herself)? ?as|identified as|named|name is|name was|gave (?:his|her|" +
    "their) name as|known as|aka|a\\.k\\.a\\.|(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur) (?:partner|cover officer|backup|" +
    "FTO|trainee|sergeant|supervisor|lieutenant|corporal|husband|wife|son|daughter|brother|sister|mother|" +
    "father|neighbou?r|coworker|co-worker)|(?:the )?(?:caller|complainant|victim|suspect|subject|driver|" +
    "passenger|resident|witness|reporting party|RP|owner|manager|employee|clerk|coworker|co-worker|homeowner|" +
    "tenant|juvenile|inmate|prisoner),?|arrested|booked|interviewed|transported|searched|cuffed|handcuffed|" +
    "told|asked|warrant for|warrant service for|serving|served)";
  // A comma may stand between the role and the name: "My sergeant, Whitaker, told us".
  const pattern = new RegExp(
    `\\b${lead},?\\s+(?<id>${NAME_WORD}(?:\\s${INITIAL}?${NAME_WORD}){0,2})(?=[\\s,.;:)!?]|$)`,
    "g",
  );
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
    // a rank before "[name]"
    if (new RegExp(`^${TITLE}$`).test(value) || new RegExp(`^${TITLE}$`).test(`${value}.`)) continue;
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
  const found = [...titledNames(text), ...pluralTitledNames(text), ...contextNames(text), ...nlpNames(text)];
  const words = new Set<string>();
  for (const f of found)
    for (const w of f.text.split(/\s+/))
      if (w.length > 2 && /^[A-Z][a-z]/.test(w) && isNameWord(w)) words.add(w.replace(/['’]s$/, ""));
  const mentions = [...words].flatMap((word) =>
    regexFindings(text, new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b(?:['’]s)?`, "g"), "PERSON"),
  );
  return [...found, ...mentions].map((f) =>
    /['’]s$/.test(f.text) ? { ...f, end: f.end - 2, text: f.text.slice(0, -2) } : f,
  );
}
