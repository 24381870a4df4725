import { createHash, createHmac, randomBytes } from "node:crypto";
import { CROCKFORD_ALPHABET, crockfordBytes, crockfordText } from "../../domain/crockford";

// Partner codes are typed by officers, so they use Crockford base32 (no I, L, O, U) in groups.
// 15 characters carry 75 bits: far beyond guessing, so a plain SHA-256 lookup hash is enough
// (unlike passwords, nothing low-entropy needs a slow hash).
const LENGTH = 15;

function grouped(chars: string): string {
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10, 15)}`;
}

export function generatePartnerCode(): string {
  return grouped(crockfordText(randomBytes(crockfordBytes(LENGTH)), LENGTH));
}

/**
 * Demo data only: a code reproducible from the dataset seed, so it can be printed at every start. It
 * keeps its first derivation (a character per digest byte, its low 5 bits): demo databases made
 * before are reused, and hold the hash of the code printed then.
 */
export function demoPartnerCode(seed: number, agencyKey: string): string {
  const digest = createHmac("sha256", `closecall-demo-partner-code:${seed}`).update(agencyKey).digest();
  return grouped([...digest.subarray(0, LENGTH)].map((b) => CROCKFORD_ALPHABET[b & 31]).join(""));
}

/** Upper-cases, drops separators and maps look-alikes so that "abcd1-..." and "ABCDI ..." match. */
export function normalisePartnerCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

export function hashPartnerCode(code: string): string {
  return createHash("sha256")
    .update(`closecall-partner-code:${normalisePartnerCode(code)}`)
    .digest("hex");
}
