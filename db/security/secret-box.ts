import { decrypt, encrypt } from "../intake/envelope";

// Small secrets kept in text columns (TOTP seeds, one-time recovery codes to show): AES-256-GCM under a
// key derived from the server key (HKDF, db/intake/server-key.ts), so a copy of the database alone
// gives none of them away. Each value is bound (AAD) to the row it belongs to.
const PREFIX = "sealed1:";

export interface SecretBox {
  seal(plain: string, belongsTo: string): string;
  /** Throws if the value was not sealed by this key for this row, or was altered. */
  open(sealed: string, belongsTo: string): string;
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function secretBox(key: Buffer): SecretBox {
  return {
    seal(plain, belongsTo) {
      const sealed = encrypt(key, Buffer.from(plain, "utf8"), belongsTo);
      return `${PREFIX}${Buffer.concat([sealed.nonce, sealed.ciphertext]).toString("base64url")}`;
    },
    open(sealed, belongsTo) {
      if (!isSealed(sealed)) throw new Error("The value is not sealed");
      const bytes = Buffer.from(sealed.slice(PREFIX.length), "base64url");
      return decrypt(key, { nonce: bytes.subarray(0, 12), ciphertext: bytes.subarray(12) }, belongsTo).toString("utf8");
    },
  };
}
