import { findNumbers } from "libphonenumber-js";
import type { Finding } from "../../../domain/identifier-types";
import { regexFindings } from "./match";

const PHONE_SHAPE = /^(?:\+\d[\d\s().-]{7,}|(?:1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4})$/;

/** Phone numbers: libphonenumber-js finds and validates full numbers; 7-digit local numbers need a context word. */
export function phoneFindings(text: string): Finding[] {
  // The library validates numbering plans but also reads case numbers ("2024-003812") as phones, so its
  // matches must look written as a phone number; fictional 555 numbers fail its validation, so the shape
  // alone also counts (recall matters more than precision here).
  const found: Finding[] = findNumbers(text, { defaultCountry: "US", v2: true })
    .map((n) => ({ type: "PHONE" as const, start: n.startsAt, end: n.endsAt, text: text.slice(n.startsAt, n.endsAt) }))
    .filter((f) => PHONE_SHAPE.test(f.text));
  const shaped = regexFindings(
    text,
    /(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])/g,
    "PHONE",
  );
  const local = regexFindings(
    text,
    /\b(?:phone|cell|number|call(?:ed)?|text(?:ed)?|callback|tel\.?)\b[^.\n]{0,20}?(?<id>\b\d{3}[-. ]\d{4}\b)/gi,
    "PHONE",
  );
  return [...found, ...shaped, ...local];
}

export function emailFindings(text: string): Finding[] {
  return regexFindings(text, /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g, "EMAIL");
}
