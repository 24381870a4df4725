import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** An opaque, URL-safe random token of `bytes` bytes (32 bytes = 256 bits by default). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Lookup hash for high-entropy tokens (session ids, links, recovery codes). A slow hash is for
 * low-entropy secrets like passwords; 128+ random bits need none, and lookups stay indexable.
 */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
