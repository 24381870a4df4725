import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { ServerKey } from "./server-key";

// AES-256-GCM throughout: 12-byte random nonces, 16-byte tags appended to the ciphertext.
// Every ciphertext is bound (AAD) to what it belongs to, so blobs cannot be swapped between rows.
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealed {
  nonce: Buffer;
  /** Ciphertext followed by the GCM tag. */
  ciphertext: Buffer;
}

export function encrypt(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext: Buffer.concat([body, cipher.getAuthTag()]) };
}

/** Throws if the key is wrong or anything was altered. */
export function decrypt(key: Buffer, sealed: { nonce: Uint8Array; ciphertext: Uint8Array }, aad: string): Buffer {
  const data = Buffer.from(sealed.ciphertext);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.nonce));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]);
}

/** A fresh data key for one submission, and its wrapped form (nonce ‖ ciphertext ‖ tag). */
export function newDataKey(serverKey: ServerKey, submissionId: string): { dataKey: Buffer; wrappedKey: Buffer } {
  const dataKey = randomBytes(32);
  const sealed = encrypt(serverKey.wrapKey, dataKey, `data-key:${submissionId}`);
  return { dataKey, wrappedKey: Buffer.concat([sealed.nonce, sealed.ciphertext]) };
}

export function unwrapDataKey(serverKey: ServerKey, submissionId: string, wrappedKey: Uint8Array): Buffer {
  const wrapped = Buffer.from(wrappedKey);
  return decrypt(
    serverKey.wrapKey,
    { nonce: wrapped.subarray(0, NONCE_BYTES), ciphertext: wrapped.subarray(NONCE_BYTES) },
    `data-key:${submissionId}`,
  );
}

export function encryptJson(dataKey: Buffer, value: unknown, aad: string): Sealed {
  return encrypt(dataKey, Buffer.from(JSON.stringify(value), "utf8"), aad);
}

export function decryptJson<T>(dataKey: Buffer, sealed: { nonce: Uint8Array; ciphertext: Uint8Array }, aad: string): T {
  return JSON.parse(decrypt(dataKey, sealed, aad).toString("utf8")) as T;
}
