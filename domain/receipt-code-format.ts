// Receipt code format, browser-safe (no crypto): Crockford base32 (no I, L, O, U: nothing to mishear
// or misread), 24 characters = 120 bits, written in six groups of four to read aloud or copy by hand.
import { CROCKFORD_ALPHABET } from "./crockford";

export const RECEIPT_CODE_LENGTH = 24;
export const RECEIPT_CODE_BITS = RECEIPT_CODE_LENGTH * 5;

/** Upper-cases, drops spaces and dashes, maps look-alikes; null when it cannot be a receipt code. */
export function normaliseReceiptCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (code.length !== RECEIPT_CODE_LENGTH || [...code].some((c) => !CROCKFORD_ALPHABET.includes(c))) return null;
  return code;
}

export function formatReceiptCode(normalised: string): string {
  return normalised.match(/.{1,4}/g)?.join("-") ?? normalised;
}
