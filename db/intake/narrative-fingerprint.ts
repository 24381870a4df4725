import { createHmac } from "node:crypto";

/**
 * A keyed fingerprint of a narrative, to flag resubmissions of the same text for reviewers. Case,
 * punctuation and spacing are ignored so a copy with a fixed typo in spacing still matches. Keyed,
 * so the fingerprint cannot be tested against guessed texts without the server key.
 */
export function narrativeFingerprint(secret: Buffer, narrative: string): string {
  const normalised = narrative
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return createHmac("sha256", secret).update(`narrative:${normalised}`).digest("hex");
}
