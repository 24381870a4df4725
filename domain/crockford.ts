// Crockford base32 (no I, L, O, U: nothing to mishear or misread) for the codes people type or read
// aloud: receipt, partner and recovery codes. Browser-safe (no crypto): the receipt form checks codes.
import base32Encode from "base32-encode";

export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The first `length` characters of the bytes in Crockford base32 (5 bits a character). */
export function crockfordText(bytes: Uint8Array, length: number): string {
  const text = base32Encode(bytes, "Crockford");
  if (text.length < length) throw new RangeError(`${bytes.length} bytes give fewer than ${length} characters`);
  return text.slice(0, length);
}

/** Bytes needed for `length` characters. */
export const crockfordBytes = (length: number) => Math.ceil((length * 5) / 8);
