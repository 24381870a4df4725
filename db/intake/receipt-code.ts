import { createHmac, randomBytes } from "node:crypto";
import { crockfordBytes, crockfordText } from "../../domain/crockford";
import { formatReceiptCode, RECEIPT_CODE_LENGTH } from "../../domain/receipt-code-format";

export { normaliseReceiptCode, RECEIPT_CODE_BITS } from "../../domain/receipt-code-format";

/** 24 random base32 characters: 120 random bits. */
export function generateReceiptCode(): string {
  const chars = crockfordText(randomBytes(crockfordBytes(RECEIPT_CODE_LENGTH)), RECEIPT_CODE_LENGTH);
  return formatReceiptCode(chars);
}

/** The only form in which a receipt code is stored: a keyed hash (HMAC-SHA-256). */
export function hashReceiptCode(secret: Buffer, normalisedCode: string): string {
  return createHmac("sha256", secret).update(`receipt:${normalisedCode}`).digest("hex");
}
