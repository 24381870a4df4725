import type { Finding } from "../../../domain/identifier-types";
import { regexFindings } from "./match";
import { TITLE } from "./names";

const SUFFIX =
  "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Parkway|Pkwy|Highway|" +
  "Hwy|Terrace|Ter|Circle|Cir|Trail|Trl|Pike|Turnpike|Expressway|Expy|Freeway|Fwy|Square|Sq|Alley|Row|Loop|" +
  "Crossing|Xing|Plaza|Path)";
const CAP = "(?:[A-Z][a-zA-Z'’]+|\\d+(?:st|nd|rd|th))";
const DIRECTION = "(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?";
const ROAD_NUMBERED =
  "(?:I-\\s?\\d{1,3}|Interstate\\s\\d{1,3}|US[- ]\\d{1,3}|U\\.S\\.\\s(?:Route|Highway)\\s\\d{1,3}|" +
  "(?:State\\s)?(?:Route|Highway|Hwy|Rte\\.?)\\s\\d{1,4}|SR[- ]\\d{1,4}|(?:County|Farm|Ranch)\\s(?:Road|" +
  "Rd)\\s\\d{1,4}|CR[- ]\\d{1,4}|FM\\s\\d{1,4})";
const UNIT = "(?:,?\\s(?:Apt\\.?|Apartment|Unit|Suite|Ste\\.?|Room|Rm\\.?|Lot|#)\\s?[A-Z0-9-]{1,5})?";
const PLACE_NOUN =
  "(?:Park|Motel|Hotel|Inn|Lodge|School|Middle School|High School|Elementary(?: School)?|Academy|College|" +
  "University|Apartments|Apts|Homes|Estates|Village|Mall|Plaza|Center|Centre|Bridge|Tower|tower|Station|" +
  "Hospital|Clinic|Church|Chapel|Mosque|Temple|Stadium|Arena|Range|range|Fairgrounds|Fair grounds|grounds|" +
  "Buffet|Pub|Bar|Tavern|Saloon|Lounge|Grill|Taqueria|Restaurant|Cafe|Café|Diner|Pizzeria|Bakery|Hardware|" +
  "Market|Supermarket|Liquor|Pharmacy|Motors|Auto|Garage|Marina|boat launch|Lake|River|Creek|Bay|Airport|" +
  "Library|Casino|Campus|Cemetery|Warehouse|Depot|Yard|Farm|Ranch|Trailer Park|Mobile Home Park|Shelter|" +
  "Mission|Courthouse|City Hall|Terminal|Pier|Wharf|Dam|Tunnel|Overpass|Underpass|Rest Area|Truck Stop|" +
  "Travel Center|Car Wash|Laundromat|Gym|Club|Theater|Theatre|Cinema|Store|Shop|Food Mart|Mart|Stop|Pawn|" +
  "Salon|Barbershop|housing project|projects|Projects|Housing|Courts|training center|Training Center|Academy|" +
  "Bldg|Building|Pizza|Tire|Tires|Lanes|Bowl|Body|Deli|Bistro|Steakhouse|Brewery|Cantina|Hall|Suites|Outlet|" +
  "Nightclub|Complex|Fitness|Lube|Cleaners|Grocery|Liquors|Taproom|Kitchen|BBQ|Barbecue|Wings|Burgers|Tacos|" +
  "Donuts|Coffee|Towing|Salvage|Storage|Motel 6)";
const CHAINS =
  "(?:Walmart|Wal-Mart|Target|Kroger|Walgreens|CVS|Rite Aid|Shell|Exxon|Mobil|Chevron|BP|Sunoco|Marathon|Speedway|" +
  "Circle K|Wawa|Sheetz|QuikTrip|QT|Casey's|Love's|Pilot|Flying J|Buc-ee's|7-Eleven|Dollar General|" +
  "Dollar Tree|Family Dollar|Home Depot|Lowe's|Costco|Sam's Club|Best Buy|McDonald's|Burger King|Wendy's|" +
  "Taco Bell|Starbucks|Dunkin'?|Subway|Waffle House|Denny's|IHOP|Applebee's|Chili's|Sonic|KFC|Popeyes|Arby's|" +
  "Publix|Safeway|Meijer|Aldi|H-E-B|HEB|Whole Foods|Trader Joe's|Kmart|Menards|AutoZone|Planet Fitness)";

/**
 * Places: street addresses, intersections, numbered roads with mile markers, beats, districts and
 * sectors, named businesses and landmarks. Anything that narrows where it happened is an identifier.
 */
export function locationFindings(text: string): Finding[] {
  const patterns: RegExp[] = [
    // 1423 W. Maple Ave (Apt 3B) · 220 Birch Lane · 8812 Crestview Court · 1600 N. Oak · 912 East Harrison
    new RegExp(`\\b\\d{1,6}\\s(?:${DIRECTION}\\s)?(?:${CAP}\\s){0,3}${SUFFIX}\\b\\.?${UNIT}`, "g"),
    new RegExp(`\\b\\d{2,6}\\s${DIRECTION}\\s${CAP}(?:\\s${CAP})?\\b${UNIT}`, "g"),
    // Numbered roads, with direction and mile marker or exit: "I-94 near mile marker 212", "Highway 61 at mile marker
    // 38"
    new RegExp(
      `\\b${ROAD_NUMBERED}\\b(?:\\s(?:northbound|southbound|eastbound|westbound|NB|SB|EB|WB))?(?:\\s(?:near|at|by|` +
        `around)\\s(?:the\\s)?(?:mile\\s?(?:marker|post)|MM|exit)\\s\\d{1,4}(?:\\.\\d)?)?(?:\\s(?:near|` +
        `at)\\sthe\\s${CAP}\\sexit)?`,
      "g",
    ),
    /\b(?:mile\s?(?:marker|post)|MM|milepost)\s\d{1,4}(?:\.\d)?\b/gi,
    new RegExp(`\\b(?:Exit|exit)\\s\\d{1,4}[A-Z]?(?:\\sramp)?\\b|\\bthe\\s${CAP}\\sexit\\b`, "g"),
    // Named streets: "Lakeshore Drive", "Old Mill Road", "Fulton Street"
    new RegExp(`\\b(?:${DIRECTION}\\s)?(?:${CAP}\\s){1,3}${SUFFIX}\\b\\.?`, "g"),
    // Intersections: "Elm St and 4th Ave", "Lakeshore and Division", "the corner of Halsted and 79th"
    new RegExp(
      `\\b(?:${CAP}(?:\\s${SUFFIX}\\.?)?)\\s(?:and|&|at|\\/)\\s(?:${CAP}(?:\\s${SUFFIX}\\.?)?)(?=[\\s,.;)])`,
      "g",
    ),
    // Counties and townships name the place (and so often the agency): "Marlow County", "Town of Easton"
    /\b(?:[A-Z][a-z]+\s){1,2}(?:County|Parish|Township|Borough)\b|\b(?:County|City|Town|Township|Village) of [A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b/g,
    // Fire and police stations by number: "Station 3", "Substation 12"
    /\b(?:Fire |Police )?(?:Station|Substation|Firehouse)\s#?\d{1,3}\b/g,
    // Beats, districts, sectors, zones, precincts, posts; jail blocks and pods
    /\b(?:Beat|District|Sector|Zone|Precinct|Post|Area|Ward|Patrol Area|Reporting District|RD|Division)\s(?:[A-Z][a-z]+\s)?(?:\d{1,3}[A-Z]?|[A-Z]\b)/g,
    /\b(?:cell ?block|pod|tier|housing unit|dorm|wing)\s[A-Z0-9]{1,3}\b/gi,
    // Named places: "Sunrise Motel, room 112", "Jefferson Middle School", "O'Malley's Pub on 3rd Street"
    new RegExp(
      `\\b(?:${CAP}\\s){0,3}${CAP}\\s${PLACE_NOUN}\\b${UNIT}(?:\\s(?:on|at)\\s(?:${CAP}\\s){0,2}${SUFFIX}\\b)?`,
      "g",
    ),
    new RegExp(
      `\\b${CHAINS}(?=[\\s,.;)])(?:,?\\s\\d{2,6}\\s${CAP})?(?:\\s(?:on|at)\\s(?:(?:${CAP}|${ROAD_NUMBERED})\\s?)` +
        `{1,3}(?:${SUFFIX}\\b)?)?`,
      "g",
    ),
    // A named tower, range, bridge or park in lower case after a proper name: "Hill Top tower", "Elk Ridge range"
    /\b(?:[A-Z][a-z]+\s){1,2}(?:tower|range|grounds|bridge|lot|yard)\b/g,
  ];
  // "Diaz and Lee" after "Officers", "Hunter and Cpl. Banks": names and ranks, not an intersection.
  const notNames = (v: string, match: RegExpExecArray) =>
    !STOP_PLACE.test(v) &&
    !TITLED.test(v) &&
    !AFTER_TITLE.test(text.slice(Math.max(0, match.index - 40), match.index)) &&
    !TITLE_AFTER_AND.test(v);
  return [
    ...patterns.flatMap((p) => regexFindings(text, p, "LOCATION", notNames)),
    ...businessFindings(text),
    // The state is a protected field (docs/design.md §6): "Ohio plate", "a Texas trooper" must not reach a report.
    ...regexFindings(text, new RegExp(`\\b(?:${STATE_NAMES})\\b`, "g"), "LOCATION"),
  ];
}

export const STATE_NAMES =
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|" +
  "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|" +
  "Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|" +
  "Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|" +
  "Virginia|West Virginia|Wisconsin|Wyoming";

const AFTER_TITLE = new RegExp(
  `(?:${TITLE}|Officers|Deputies|Sergeants|Troopers|Detectives|Agents|Corporals|Lieutenants)\\s*$`,
);
const TITLE_AFTER_AND = new RegExp(`\\s(?:and|&)\\s${TITLE}$`);

// Words that, capitalised after "the", name a thing or a unit rather than a venue ("the Taser", "the SWAT team").
const NOT_VENUE = new Set(
  (
    `The A An I We He She They It This That My Our His Her Their Your Officer Officers Deputy Deputies Sergeant ` +
    `Lieutenant Captain Chief Sheriff Detective Trooper Agent Corporal Dispatcher Dispatch Suspect Subject ` +
    `Driver Passenger Caller Victim County City State Town Village Township Department Police Sheriff's Office ` +
    `Unit Division Bureau Team Squad Academy Court Jail Highway Interstate Freeway Turnpike Parkway Route Road ` +
    `Street Avenue Drive Lane North South East West Northbound Southbound Eastbound Westbound Taser Glock ` +
    `Narcan Mace Bible Lord God Internet Marine Marines Army Navy Guard Reserve Reserves Fourth New Christmas ` +
    `Easter Thanksgiving Halloween Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February ` +
    `March April May June July August September October November December Ford Chevy Chevrolet Honda Toyota ` +
    `Dodge Jeep Nissan Tesla Kia Hyundai Tahoe Explorer Charger Malibu Civic Camry Impala Silverado Escalade ` +
    `Crown Victoria Interceptor Suburban Ram Altima Accord`
  ).split(" "),
);
const VENUE_WORD = "[A-Z][a-z]+(?:['’][a-z]+)?";

/**
 * Named businesses and venues that end in no place noun: "Club Velvet", "the Rialto", "the Blue Moon",
 * a possessive name before a trade ("Sal's Pizza", "Big Al's Tire"). A capitalised name after "the" in
 * the middle of a sentence is a proper name, and in these narratives mostly a place.
 */
function businessFindings(text: string): Finding[] {
  const venueWords = (v: string) => v.split(/\s+/).every((w) => !NOT_VENUE.has(w.replace(/['’]s$/, "")));
  return [
    ...regexFindings(
      text,
      new RegExp(`\\b(?:Club|Cafe|Café|Casa|Hotel|Motel|Bar|Lounge)\\s${VENUE_WORD}(?:\\s${VENUE_WORD})?\\b`, "g"),
      "LOCATION",
      (v) => venueWords(v.split(/\s/).slice(1).join(" ")),
    ),
    ...regexFindings(
      text,
      new RegExp(
        `(?<=[a-z,;]\\s)the\\s(?<id>${VENUE_WORD}(?:\\s${VENUE_WORD}){0,2})(?:\\s(?:buffet|bar|club|lot|` +
          `parking lot|store|shop|plaza|mall|lounge|diner|hall))?\\b`,
        "g",
      ),
      "LOCATION",
      (v) =>
        venueWords(v.replace(/\s(?:buffet|bar|club|lot|parking lot|store|shop|plaza|mall|lounge|diner|hall)$/, "")),
    ),
    ...regexFindings(
      text,
      new RegExp(`\\b(?:[A-Z][a-z]+\\s)?[A-Z][a-z]+['’]s(?:\\s${VENUE_WORD}){1,2}\\b`, "g"),
      "LOCATION",
      (v) => venueWords(v.split(/\s/).slice(1).join(" ")) && !TITLED.test(v),
    ),
  ];
}

// A title starts a name, not a place ("Inmate Lorenzo Pike" is a person, though Pike is a street suffix).
const TITLED =
  /^(?:Inmate|Prisoner|Officer|Ofc\.?|Deputy|Sergeant|Sgt\.?|Lt\.?|Lieutenant|Captain|Detective|Det\.|Trooper|Trainee|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s/;

// Capitalised words that the street and intersection patterns would otherwise take for places.
const STOP_PLACE =
  /^(?:The|A|An|I|We|He|She|They|My|Our|His|Her|It|This|That|When|While|Then|After|Before|During|At|On|In|Dispatch|Officer|Deputy|Sergeant|Sgt|Lt|Inmate|Prisoner|Trainee|Detective|Trooper|Mr|Mrs|Ms|Nobody|Nothing|Everyone|One|Two|Three|Four|Five|Code|Lesson|Lessons|Staffing|Double|Finish|Do|Please|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s(?:and|&|at|\/)\s|$)|^(?:Cover|Search|Left|Right|Front|Back)\s(?:and|&)/;

const AGENCY_TAIL =
  "(?:Police Department|Police Dept\\.?|Police Dep't|Police|PD|P\\.D\\.|Sheriff's Office|Sheriff's Department|" +
  "Sheriff's Dept\\.?|Sheriffs Office|Sheriff|S\\.O\\.|SO|State Patrol|Highway Patrol|State Police|" +
  "Marshal's Office|Marshals Service|Constable's Office|Constables|Department of Public Safety|DPS|" +
  "Department of Corrections|DOC|Corrections|Jail|Detention Center|Correctional Facility|Transit Police|" +
  "Park Police|Campus Police|University Police|Task Force|SWAT|SRT)";

/**
 * Named agencies ("Harbor County Sheriff's Office", "Metro City PD", "Texas DPS") and ORIs, then every
 * other mention of a named agency's place name ("Westbrook" after "Westbrook PD").
 */
export function agencyFindings(text: string): Finding[] {
  const named = namedAgencies(text);
  const places = new Set<string>();
  for (const f of named) {
    const place = f.text.replace(new RegExp(`\\s${AGENCY_TAIL}$`), "").replace(/^(?:The|Our)\s/, "");
    if (
      place !== f.text &&
      /^[A-Z][a-z]{3,}(?:\s[A-Z][a-z]+)*$/.test(place) &&
      !/^(?:County|City|State|Metro|Police)$/.test(place)
    )
      places.add(place);
  }
  const mentions = [...places].flatMap((place) => regexFindings(text, new RegExp(`\\b${place}\\b`, "g"), "AGENCY"));
  return [...named, ...mentions];
}

function namedAgencies(text: string): Finding[] {
  return [
    ...regexFindings(
      text,
      new RegExp(`\\b(?:[A-Z][a-zA-Z'’.]+\\s){1,4}${AGENCY_TAIL}(?![a-z])`, "g"),
      "AGENCY",
      (v) =>
        !/^(?:The|Our|My|A|An|Their|His|Her|Local|Tribal|County|City|State|Military|Campus|Transit|Other|Another|Same|Neighboring|Neighbouring|Federal|Municipal|Mutual)\s/.test(
          v,
        ) ||
        (/^(?:The|Our)\s(?:[A-Z][a-z]+\s){1,3}/.test(v) && !/^The\s(?:County|City|State|Local|Police|Sheriff)/.test(v)),
    ),
    ...regexFindings(
      text,
      /\b(?:LAPD|NYPD|CPD|MPD|SFPD|LVMPD|HPD|DPD|APD|BPD|PPD|SPD|CHP|DHS|FHP|OHP|NJSP|NYSP|MSP|ISP|TxDPS|LASD|BSO|PBSO|HCSO|MCSO|OCSO)\b/g,
      "AGENCY",
    ),
    // An ORI: two letters of the state and seven characters, as printed on NCIC returns and forms.
    ...regexFindings(text, /\bORI[/:\s#]*(?<id>[A-Z]{2}[0-9A-Z]{7})\b/g, "AGENCY"),
  ];
}
