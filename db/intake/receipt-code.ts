import { createHmac, randomBytes } from "node:crypto";
import { formatReceiptCode, RECEIPT_ALPHABET, RECEIPT_CODE_LENGTH } from "../../domain/receipt-code-format";

export { normaliseReceiptCode, RECEIPT_CODE_BITS } from "../../domain/receipt-code-format";

/** 24 random base32 characters (5 bits each from a full random byte: no bias, 32 divides 256). */
export function generateReceiptCode(): string {
  const chars = [...randomBytes(RECEIPT_CODE_LENGTH)].map((b) => RECEIPT_ALPHABET[b & 31]).join("");
  return formatReceiptCode(chars);
}

/** The only form in which a receipt code is stored: a keyed hash (HMAC-SHA-256). */
export function hashReceiptCode(secret: Buffer, normalisedCode: string): string {
  return createHmac("sha256", secret).update(`receipt:${normalisedCode}`).digest("hex");
}
