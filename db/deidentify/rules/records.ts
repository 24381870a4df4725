import type { Finding } from "../../../domain/identifier-types";
import { regexFindings } from "./match";

const CASE_WORDS =
  "(?:case|report|incident|CAD|call|citation|ticket|warrant|search warrant|booking|RD|DR|IR|file|complaint|event|" +
  "work order|shop order|order|OCA|docket|arrest|offense|offence|control|tracking|reference|ref\\.?|inventory|" +
  "evidence|property|item|job)";
const ID_TOKEN = "(?=[A-Z0-9-]*\\d)[A-Z]{0,4}#?-?\\d[A-Z0-9]*(?:-[A-Z0-9]+)*";

/**
 * Case, CAD, report, citation, warrant and booking numbers: an identifier with digits after a record
 * word ("Case #24-118734", "CAD 2024-003812", "RD# JC-554123"), or a typical report-number shape alone
 * ("24-118734", "W-2023-11872").
 */
export function caseNumberFindings(text: string): Finding[] {
  const labelled = new RegExp(
    `\\b${CASE_WORDS}\\s*(?:number|num\\.?|no\\.?|nr\\.?|#|:|is|was|\\s)*\\s*(?<id>#?${ID_TOKEN})\\b`,
    "gi",
  );
  const shaped = [
    /\b(?<![-/.\d])\d{2}-\d{5,7}(?![-/.\d])\b/g,
    /\b[A-Z]{1,3}-(?:19|20)?\d{2}-\d{3,6}\b/g,
    /\b[A-Z]{1,3}-\d{4,7}\b(?![-/]\d)/g,
  ];
  return [
    ...regexFindings(
      text,
      labelled,
      "CASE_NUMBER",
      (v) => /\d/.test(v) && v.replace(/\D/g, "").length >= 3 && /^[#A-Z0-9-]+$/.test(v),
    ),
    ...shaped.flatMap((p) => regexFindings(text, p, "CASE_NUMBER")),
  ];
}

const PHONETIC =
  "(?:Adam|Boy|Baker|Charles|Charlie|David|Edward|Echo|Frank|George|Henry|Ida|John|King|Lincoln|Mary|Nora|Ocean|" +
  "Paul|Queen|Robert|Sam|Tom|Union|Victor|William|X-ray|Young|Zebra|Alpha|Bravo|Delta|Foxtrot|Golf|Hotel|" +
  "India|Juliet|Kilo|Lima|Mike|November|Oscar|Papa|Romeo|Sierra|Tango|Uniform|Whiskey|Yankee|Zulu)";

/** Badge, unit, car and call-sign numbers: a number after a context word, or a radio call sign ("3-Adam-12"). */
export function badgeOrUnitFindings(text: string): Finding[] {
  const labelled = new RegExp(
    `\\b(?:badge|shield|star|unit|car|cruiser|squad|patrol car|vehicle number|call ?sign|callsign|employee|ID|P#|` +
      `DSN|PSN)\\s*(?:number|no\\.?|#|:|` +
      `\\s)*\\s*(?<id>#?(?=[A-Z0-9-]*\\d)[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6}){0,3}(?:\\s${PHONETIC}\\b(?:[- ` +
      `]?\\d{1,3})?)?)\\b`,
    "gi",
  );
  const callSign = new RegExp(
    `\\b\\d{1,3}[- ]?${PHONETIC}[- ]?\\d{1,3}\\b|\\b${PHONETIC}[- ]\\d{1,3}\\b(?=\\s+(?:was|is|arrived|responded|` +
      `found|called|said|went|took|cleared|advised))`,
    "g",
  );
  return [
    ...regexFindings(
      text,
      labelled,
      "BADGE_OR_UNIT",
      (v) =>
        (/\d/.test(v) &&
          (v === v.toUpperCase() || /\s/.test(v)) &&
          !/^(?:19|20)\d\d$/.test(v) &&
          !/^\d{1,2}$/.test(v)) ||
        /^\d{2}$/.test(v),
    ),
    ...regexFindings(text, callSign, "BADGE_OR_UNIT"),
  ];
}

/** Radio channels and talkgroups: "TAC 3", "channel 4", "Ops 2", "Fire Ground 3". */
export function radioChannelFindings(text: string): Finding[] {
  return regexFindings(
    text,
    /\b(?:(?:[A-Z]{2,4}-)?(?:TAC|ITAC|VTAC|UTAC|CALL|OPS|Tac|Ops|Main|Dispatch|Fire ?Ground|Fireground|Car[- ]to[- ]car|Event|Events|Mutual Aid|Talk ?group|TG|Zone|Command|Interop|Patrol)[- ]?\d{1,3}[A-Z]?|(?:channel|chan\.?|ch\.)\s*#?\s*\d{1,3}[A-Z]?)\b/gi,
    "RADIO_CHANNEL",
    (v) =>
      !/^(?:zone|patrol|command|event|main|dispatch)\s*\d/i.test(v) ||
      /\b(?:channel|radio|on|switched|talkgroup)\b/i.test(v),
  );
}

/**
 * NCIC record numbers quoted in prose: a NIC — one letter for the file and nine digits
 * ("W123456789") — anywhere, and FBI, SID and III numbers after their name ("FBI number 123456AB7").
 */
export function recordNumberFindings(text: string): Finding[] {
  return [
    ...regexFindings(text, /\b[A-Z]\d{9}\b/g, "NCIC"),
    ...regexFindings(
      text,
      /\b(?:NIC|NCIC|FBI|SID|III|UCN)\s*(?:record|entry|number|num\.?|no\.?|#|:|\/|\s)*\s*(?<id>(?=[A-Z0-9]*\d)[A-Z0-9]{6,12})\b/g,
      "NCIC",
      (v) => /[0-9]{4}/.test(v),
    ),
  ];
}

const NCIC_FIELD =
  /\b(?:NAM|DOB|SEX|RAC|HGT|WGT|EYE|HAI|SOC|OLN|OLS|OCA|ORI|MKE|WAR|FBI|SID|NIC|DOW|LIC|LIS|VIN|VYR|VMA|SMT|ARR|MIS|ENT|EXL|POB|CTZ|ADD|OFF|DOV|ARRESTS|CONVICTIONS)[/:]/;
const NCIC_HEADER =
  /\b(?:NCIC|III|QH|QR|QW|QV|NLETS|CJIS)\b.*\b(?:RESPONSE|HIT|RECORD|RETURN|REPLY)\b|\bMKE\/|\bCOMPUTERIZED CRIMINAL HISTORY\b|\bRAP SHEET\b/;

/**
 * Pasted NCIC/III (criminal-records) returns: a run of lines with their field codes ("NAM/", "DOB/",
 * "OCA/"), from its header line to the last field line. These must never be published whole.
 */
export function ncicFindings(text: string): Finding[] {
  const lines: { start: number; end: number; text: string }[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    lines.push({ start: offset, end: offset + line.length, text: line });
    offset += line.length + 1;
  }
  const isRecordLine = (l: string) =>
    NCIC_FIELD.test(l) ||
    NCIC_HEADER.test(l) ||
    (/^[A-Z0-9 ,./:()-]{8,}$/.test(l.trim()) && /[A-Z]{3,}\/|\d{6,}/.test(l));
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!isRecordLine(lines[i]!.text)) continue;
    let j = i;
    let fieldLines = NCIC_FIELD.test(lines[i]!.text) ? 1 : 0;
    while (j + 1 < lines.length && isRecordLine(lines[j + 1]!.text)) {
      j += 1;
      if (NCIC_FIELD.test(lines[j]!.text)) fieldLines += 1;
    }
    if (fieldLines >= 2 || (fieldLines >= 1 && NCIC_HEADER.test(lines[i]!.text))) {
      // A header sentence ("I ran him and got this back: NCIC HIT") starts the block at its keyword.
      const first = lines[i]!;
      const keyword = first.text.search(/\b(?:NCIC|III|QH|QR|NLETS|MKE\/|NAM\/)/);
      const start =
        first.start +
        Math.max(0, fieldLines >= 1 && keyword > 0 ? keyword : first.text.length - first.text.trimStart().length);
      const last = lines[j]!;
      const end = last.start + last.text.trimEnd().length;
      findings.push({ type: "NCIC", start, end, text: text.slice(start, end) });
    }
    i = j;
  }
  return findings;
}
