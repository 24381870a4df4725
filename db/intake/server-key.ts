import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import path from "node:path";

/** The key file under DATA_DIR when INTAKE_KEY is not set (base64 of 32 random bytes, mode 0600). */
export const INTAKE_KEY_FILE = "intake.key";
const KEY_BYTES = 32;

/**
 * The server key and the secrets derived from it. Separate subkeys (HKDF) for wrapping data keys,
 * hashing receipt codes and fingerprinting narratives, so no secret serves two purposes. Accounts and
 * the audit log derive theirs from the same key, so there is one secret to keep outside the database.
 */
export interface ServerKey {
  /** Short public identifier stored with each submission (which key wrapped it). */
  id: string;
  wrapKey: Buffer;
  receiptSecret: Buffer;
  fingerprintSecret: Buffer;
  /** Seals TOTP seeds and recovery codes waiting to be shown (db/security/secret-box.ts). */
  accountSecretsKey: Buffer;
  /** Keys the audit log's hash chain (db/audit/audit-log.ts). */
  auditKey: Buffer;
}

export type ServerKeyResult =
  { ok: true; key: ServerKey; source: "environment" | "file" } | { ok: false; reason: string };

function derive(key: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), `closecall-intake:${label}`, KEY_BYTES));
}

export function serverKeyFromBytes(raw: Buffer): ServerKey {
  return {
    id: createHmac("sha256", raw).update("closecall-intake:key-id").digest("hex").slice(0, 16),
    wrapKey: derive(raw, "wrap"),
    receiptSecret: derive(raw, "receipt"),
    fingerprintSecret: derive(raw, "fingerprint"),
    accountSecretsKey: derive(raw, "account-secrets"),
    auditKey: derive(raw, "audit-chain"),
  };
}

/**
 * Why a key is unusable, or null when it is fine. A key must be exactly 32 bytes of randomness:
 * few distinct byte values (zeros, repeated patterns) or only printable characters (a base64-encoded
 * password) mean it was not made by a random generator.
 */
export function weaknessOf(raw: Buffer): string | null {
  if (raw.length !== KEY_BYTES) return `the key must be ${KEY_BYTES} bytes (base64), not ${raw.length}`;
  if (new Set(raw).size < 16) return "the key has too few distinct bytes to be random";
  if (raw.every((b) => b >= 0x20 && b < 0x7f)) return "the key is printable text, not random bytes";
  return null;
}

function parseBase64Key(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  return Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

export function generateServerKeyText(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, INTAKE_KEY_FILE);
}

/**
 * Loads the server key: INTAKE_KEY if set (even if empty: then it is invalid, never silently replaced),
 * else the key file. Never creates anything (see ensureKeyFile); any problem is a reason to fail closed.
 */
export function loadServerKey(options: { envKey: string | undefined; dataDir: string }): ServerKeyResult {
  if (options.envKey !== undefined) {
    const raw = parseBase64Key(options.envKey);
    if (!raw) return { ok: false, reason: "INTAKE_KEY is not base64" };
    const weakness = weaknessOf(raw);
    if (weakness) return { ok: false, reason: `INTAKE_KEY is unusable: ${weakness}` };
    return { ok: true, key: serverKeyFromBytes(raw), source: "environment" };
  }
  const file = keyFilePath(options.dataDir);
  if (!existsSync(file)) return { ok: false, reason: `no INTAKE_KEY and no key file at ${file}` };
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0)
    return {
      ok: false,
      reason: `the key file ${file} is readable by others (mode ${mode.toString(8)}); it must be 600`,
    };
  const raw = parseBase64Key(readFileSync(file, "utf8"));
  if (!raw) return { ok: false, reason: `the key file ${file} does not hold a base64 key` };
  const weakness = weaknessOf(raw);
  if (weakness) return { ok: false, reason: `the key file ${file} is unusable: ${weakness}` };
  return { ok: true, key: serverKeyFromBytes(raw), source: "file" };
}

/**
 * On start-up without INTAKE_KEY: creates the key file (0600) if it does not exist and nothing was
 * ever encrypted. If submissions exist, a missing file means the key was lost or moved: creating a new
 * one would silently orphan them, so intake stays closed until the operator restores it.
 */
export function ensureKeyFile(dataDir: string, hasSubmissions: boolean): { created: boolean; reason?: string } {
  const file = keyFilePath(dataDir);
  if (existsSync(file)) return { created: false };
  if (hasSubmissions)
    return { created: false, reason: `the key file ${file} is missing but submissions exist: restore it` };
  writeFileSync(file, `${generateServerKeyText()}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600); // the umask may have narrowed it further, never widened; make it exact
  return { created: true };
}
