import type { Finding } from "../../../domain/identifier-types";
import { regexFindings } from "./match";

const VIN_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The North American VIN check digit (position 9) is right: 49 CFR 565. */
export function hasValidVinCheckDigit(vin: string): boolean {
  const upper = vin.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(upper)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const c = upper[i]!;
    sum += (/\d/.test(c) ? Number(c) : VIN_VALUES[c]!) * VIN_WEIGHTS[i]!;
  }
  const check = sum % 11 === 10 ? "X" : String(sum % 11);
  return upper[8] === check;
}

/** VINs: any 17-character VIN with a valid check digit, or one written after "VIN" (officers mistype). */
export function vinFindings(text: string): Finding[] {
  const validated = regexFindings(
    text,
    /\b[A-HJ-NPR-Z0-9]{17}\b/gi,
    "VIN",
    (v) => /\d/.test(v) && /[A-Z]/i.test(v) && hasValidVinCheckDigit(v),
  );
  const labelled = regexFindings(
    text,
    /\bVIN\b[^A-Z0-9\n]{0,25}(?:was|is|of|number|no\.?|#|:|\s)*(?<id>[A-HJ-NPR-Z0-9]{11,17})\b/gi,
    "VIN",
    (v) => /\d/.test(v),
  );
  return [...validated, ...labelled];
}

const US_STATES =
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|" +
  "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|" +
  "Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|" +
  "Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|" +
  "Virginia|Washington|West Virginia|Wisconsin|Wyoming|Cal|Calif|Tex|Penn|Mass|Mich|Minn|Wis|Wisc|Fla|Ga|Ill|" +
  "Ind|Ky|La|Mo|Ariz|Colo|Conn|Okla|Ore|Tenn|Va|Wash";
const STATE_NAMES_ONLY = US_STATES.split("|Cal|")[0]!;
const PLATE_WORD = "(?:license plate|licence plate|plates?|tags?|registration|reg\\.?|LP#?|LPN|temp tag)";
const PLATE_TOKEN = "(?<id>(?=[A-Z0-9 -]{3,9}\\b)(?=[A-Z -]*\\d)(?:[A-Z0-9]{1,4}[- ][A-Z0-9]{1,5}|[A-Z0-9]{2,8}))";

/**
 * Licence plates are too short to recognise alone ("AB 12345" looks like many things), so they need a
 * context word: "plate 7ABC123", "Texas tag LMN-4821", "Wisconsin registration AB 12345".
 */
export function plateFindings(text: string): Finding[] {
  const plateLike = (v: string) =>
    /\d/.test(v) && v === v.toUpperCase() && !/^\d{1,3}$/.test(v) && !/^(?:19|20)\d\d$/.test(v);
  const pattern = new RegExp(
    `\\b(?:(?:${US_STATES})\\.?\\s+)?${PLATE_WORD}\\s*(?:number|no\\.?|#|of|was|is|reading|read|showing|bearing|:|` +
      `,|\\(|"|'|\\s)*\\s*${PLATE_TOKEN}\\b`,
    "gi",
  );
  // The state's name straight before the number, with no plate word: "Arizona CMX-4421".
  // Letters and digits both, so a year or a road ("Virginia I-95") is not a plate.
  const named = new RegExp(`\\b(?:${STATE_NAMES_ONLY})\\s+(?!I-|US-|SR-|CR-)${PLATE_TOKEN}\\b`, "g");
  return [
    ...regexFindings(text, pattern, "PLATE", plateLike),
    ...regexFindings(
      text,
      named,
      "PLATE",
      (v) => plateLike(v) && /[A-Z]/.test(v) && v.replace(/[- ]/g, "").length >= 5,
    ),
  ];
}
