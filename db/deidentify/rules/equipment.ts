import type { Finding } from "../../../domain/identifier-types";
import { regexFindings } from "./match";

// Issued equipment that officers name with its number ("my Taser X29004512", "body camera X6031842Q").
const EQUIPMENT =
  "(?:Taser|TASER|CEW|radio|portable|handheld|camera|body ?cam(?:era)?|BWC|dash ?cam(?:era)?|rifle|carbine|pistol|" +
  "handgun|sidearm|shotgun|firearm|weapon|Glock|vest|carrier|armou?r|helmet|handcuffs|cuffs|MDT|MDC|laptop|" +
  "tablet|flashlight|holster|magazine|breathalyzer|Intoxilyzer|radar|lidar|microphone|mic)";
// An equipment number mixes letters and digits ("X29004512", "722ABC1134", "8821-AX-044").
const SERIAL = "(?=[A-Z0-9-]*\\d)[A-Z0-9]+(?:-[A-Z0-9]+)*";

/**
 * Serial numbers of equipment: a firearm, Taser, radio or body camera is issued to one
 * officer, so its number identifies them. After "serial", "S/N" or "SN" any code with a digit counts;
 * right after an equipment word, a code of six or more characters with letters and digits.
 */
export function serialNumberFindings(text: string): Finding[] {
  return [
    ...regexFindings(
      text,
      new RegExp(
        `\\b(?:serial|ser\\.|S\\/N|SN)\\s*(?:number|num\\.?|no\\.?|nr\\.?|#|:|\\s)*\\s*#?(?<id>${SERIAL})\\b`,
        "gi",
      ),
      "SERIAL_NUMBER",
      (v) => v.length >= 4 && v === v.toUpperCase() && /\d/.test(v),
    ),
    ...regexFindings(
      text,
      new RegExp(`\\b${EQUIPMENT}\\s+(?:#\\s?)?(?<id>${SERIAL})\\b`, "gi"),
      "SERIAL_NUMBER",
      (v) => v.replace(/-/g, "").length >= 6 && v === v.toUpperCase() && /[A-Z]/.test(v) && /\d/.test(v),
    ),
  ];
}
