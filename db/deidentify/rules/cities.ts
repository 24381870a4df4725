import nlp from "compromise";
import type { Finding } from "../../../domain/identifier-types";
import { regexFindings } from "./match";
import { STATE_NAMES } from "./places";

// A city or town name: up to three capitalised words, with the particles of US place names
// ("East St. Louis", "Coeur d'Alene", "Winston-Salem", "Fort Wayne").
const CITY =
  "(?:(?:East|West|North|South|New|Fort|Ft\\.|Saint|St\\.|Mount|Mt\\.|Port|Lake|Glen|Palm|Point|San|Santa|Los|Las|" +
  "La|El|De|Des)\\s)?(?:St\\.\\s)?[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)?(?:\\s(?:d['’])?[A-Z][a-z]+(?:" +
  "['’][A-Z][a-z]+)?){0,2}";

// Words that lead to a place: "from Springfield", "just outside of Tulsa", "downtown Spokane".
const TOWARD =
  "(?:in|from|to|into|near|outside(?:\\sof)?|toward|towards|through|around|across|past|beyond|via|downtown|uptown|" +
  "north\\sof|south\\sof|east\\sof|west\\sof|(?:city|town|village|township|borough)\\sof|back\\sto|up\\sto|" +
  "over\\sto|down\\sto|out\\sto|bound\\sfor)";

// Capitalised words after those prepositions that are not towns in police prose: units and rooms,
// languages, the months and days, titles, weapons, makes, brand names and the like.
const NOT_TOWNS = new Set(
  (
    `The A An I We He She They It This That These Those My Our His Her Their Your Me Him Them Us Officer Officers ` +
    `Deputy Deputies Sergeant Sgt Lieutenant Lt Captain Capt Chief Sheriff Detective Det Trooper Agent Corporal ` +
    `Cpl Dispatcher Dispatch Booking Intake Medical Records Patrol Training Evidence Court Traffic Narcotics ` +
    `Vice Homicide Internal Affairs Communications Control Central Headquarters Academy Range Corrections ` +
    `Detention Juvenile Probation Parole Jail Custody Holding County City State Town Village District Court ` +
    `Federal Spanish English French Vietnamese Chinese Arabic Creole Russian Portuguese God Christ Heaven Hell ` +
    `Code Mayday Narcan Taser Glock Mace Tahoe Explorer Charger Impala Ford Chevy Chevrolet Honda Toyota Dodge ` +
    `Jeep Nissan Tesla Kia Hyundai Interstate Highway Route Street Road Avenue Drive Lane North South East West ` +
    `Northbound Southbound Eastbound Westbound Monday Tuesday Wednesday Thursday Friday Saturday Sunday January ` +
    `February March April May June July August September October November December Christmas Easter ` +
    `Thanksgiving Halloween Emergency Urgent Room Cell Unit Station Hospital ER ICU Sally Port Lockup Dad Mom ` +
    `Mother Father Sir Ma'am Police Department Office Division Bureau Team Squad Command SWAT Fire EMS Rescue ` +
    `Medic Ambulance Engine Ladder Truck Car Radio Channel Tac Ops Main Event Zone Sector Beat Precinct Post ` +
    `Ward Area Base Field Roll Basic Advanced Firearms Defensive Tactics`
  ).split(" "),
);

/** Town words that must not be a name the names pass found ("gave it to Diaz"). */
function isTownWords(value: string, names: ReadonlySet<string>): boolean {
  const words = value.split(/\s+/);
  return (
    !NOT_TOWNS.has(words[0]!.replace(/\.$/, "")) &&
    !words.some((w) => names.has(w)) &&
    !new RegExp(`^(?:${STATE_NAMES})$`).test(value)
  );
}

/**
 * City and town names: after a word that leads to a place ("from Springfield", "outside of
 * Tulsa", "the city of Easton"), before a state ("Columbus, Ohio"), before "city limits", and the cities
 * compromise knows. `names` are words the names pass found, which are people, not towns.
 */
export function cityFindings(text: string, names: ReadonlySet<string> = new Set()): Finding[] {
  const accept = (value: string) => isTownWords(value, names);
  const known = (
    nlp(text).match("#City+").json({ offset: true }) as { offset: { start: number; length: number } }[]
  ).map(({ offset }) => {
    const value = text.slice(offset.start, offset.start + offset.length).replace(/[\s,.;:)!?'’]+$/, "");
    return { type: "LOCATION" as const, start: offset.start, end: offset.start + value.length, text: value };
  });
  return [
    ...regexFindings(
      text,
      new RegExp(
        `\\b${TOWARD}\\s+(?<id>${CITY})(?![\\w'’])(?!\\s(?:PD|P\\.D\\.|Police|Sheriff|County|Parish|Township))`,
        "g",
      ),
      "LOCATION",
      accept,
    ),
    ...regexFindings(text, new RegExp(`\\b(?<id>${CITY}),\\s(?:${STATE_NAMES}|[A-Z]{2})\\b`, "g"), "LOCATION", accept),
    ...regexFindings(text, new RegExp(`\\b(?<id>${CITY})\\scity\\slimits\\b`, "g"), "LOCATION", accept),
    ...known.filter((f) => accept(f.text)),
  ];
}
