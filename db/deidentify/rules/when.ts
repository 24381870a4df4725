import type { Finding } from "../../../domain/identifier-types";
import { regexFindings } from "./match";

const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|" +
  "Nov(?:ember)?|Dec(?:ember)?)";
const WEEKDAY =
  "(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)";
const DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const YEAR = "(?:19|20)\\d\\d";
const MILITARY = "(?:[01]\\d|2[0-3])[0-5]\\d";

/**
 * Times of day: "0215 hrs", "2:30 a.m.", "11 pm", "23:40", and a bare "at 2245" (a 24-hour clock after a time word).
 */
export function timeFindings(text: string): Finding[] {
  return [
    ...regexFindings(text, new RegExp(`\\b${MILITARY}\\s?(?:hrs|hours|hr|h)\\b\\.?`, "gi"), "TIME"),
    ...regexFindings(text, /\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?\s?m\b\.?)?/gi, "TIME"),
    ...regexFindings(text, /\b(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|[ap]m\b)/gi, "TIME"),
    ...regexFindings(text, /\b(?:1[0-2]|0?[1-9])\s?o'clock\b/gi, "TIME"),
    ...regexFindings(
      text,
      /\b(?:half|quarter|\d{1,2} minutes)\s(?:past|after|to|before)\s(?:midnight|noon|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b/gi,
      "TIME",
    ),
    // "at 2245", "around 1930", "arrived first at 0105": not when a street follows ("at 1600 N. Oak").
    ...regexFindings(
      text,
      new RegExp(
        `\\b(?:at|around|approximately|approx\\.?|about|by|until|till|before|after|from|to|@|` +
          `~)\\s+(?<id>${MILITARY})\\b(?![-/.]\\d)(?!\\s+(?:[NSEW]\\.?\\s|North|South|East|West|block|` +
          `[A-Z][a-z]+\\s+(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Way|Ct|Court)\\b))`,
        "gi",
      ),
      "TIME",
    ),
    // A 24-hour time opening a sentence or after "Time:" ("Time: 1730").
    ...regexFindings(text, new RegExp(`\\btime\\s*[:=]?\\s*(?<id>${MILITARY})\\b`, "gi"), "TIME"),
  ];
}

/** Exact dates in the forms officers write them. Month-year alone is not identifying (reports publish it). */
export function dateFindings(text: string): Finding[] {
  const numeric = [
    new RegExp(`\\b(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\\d|3[01])[/.-](?:${YEAR}|\\d\\d)\\b`, "g"),
    new RegExp(`\\b${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\b`, "g"),
    // "9/14", "on 3/2": month/day without a year, not a fraction or a ratio ("1/2 mile").
    /\b(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])\b(?![/\d])(?!\s*(?:mile|of|inch|cup|tank|way))/g,
  ];
  const named = [
    new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\.?\\s+${DAY}\\b(?:,?\\s+${YEAR})?`, "g"),
    new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+${YEAR})?`, "g"),
    new RegExp(`\\b${WEEKDAY}\\s+the\\s+${DAY}\\b`, "g"),
    // "on the 23rd": an ordinal day after "on the"/"the", not an ordinal street, floor or unit.
    /\b(?:on\s+)?the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))|\s*(?:floor|street|st\b|avenue|ave\b|precinct|district|ward|grade|time|shift|round|call|year|day|week|month|century|place|percentile|and)\b)/gi,
  ];
  // Holidays name a day as exactly as a date does.
  const holidays = new RegExp(
    `\\b(?:Christmas(?: Eve| Day)?|New Year's(?: Eve| Day)|Thanksgiving(?: Day)?|Independence Day|Fourth of July|` +
      `Halloween|Memorial Day|Labor Day|Veterans Day|Easter(?: Sunday)?|Mother's Day|Father's Day|` +
      `Super Bowl Sunday)\\b(?:,?\\s+${YEAR})?`,
    "g",
  );
  return [...numeric, ...named, holidays].flatMap((pattern) => regexFindings(text, pattern, "DATE"));
}
