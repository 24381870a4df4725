import { randomBytes } from "node:crypto";
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import base32Encode from "base32-encode";
import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import { inTransaction } from "../in-transaction";
import { crockfordBytes, crockfordText } from "../../domain/crockford";
import { isSealed, type SecretBox } from "../security/secret-box";
import { retryingConflicts } from "../write-conflict";
import { tokenHash } from "./tokens";

// RFC 6238 defaults that every authenticator app understands.
export const TOTP = { period: 30, digits: 6, algorithm: "SHA-1" } as const;
export const RECOVERY_CODE_COUNT = 10;

/** A new TOTP secret: 160 random bits (RFC 4226's recommendation), base32 as apps expect. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20), "RFC4648", { padding: false });
}

export function totpAuthUri(secret: string, accountName: string): string {
  return getTOTPAuthUri({ ...TOTP, secret, accountName, issuer: "Close Call" });
}

/** The current code for a secret (tests and the demo banner's explanation). */
export async function currentTotp(secret: string): Promise<string> {
  return (await generateTOTP({ ...TOTP, secret })).otp;
}

function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

/** The time step a code matches (one step of clock drift either way), or null. */
export async function matchTotp(secret: string, code: string, now = Date.now()): Promise<number | null> {
  const otp = normaliseCode(code);
  if (!/^\d{6}$/.test(otp)) return null;
  const match = await verifyTOTP({ ...TOTP, otp, secret, window: 1 });
  return match ? Math.floor(now / 1000 / TOTP.period) + match.delta : null;
}

/** A user's TOTP seed as stored: sealed and bound to the user's row. */
export function sealTotpSecret(box: SecretBox, userId: string, secret: string): string {
  return box.seal(secret, `totp:${userId}`);
}

/** A secret being enrolled, as kept on its pending session: sealed and bound to that session. */
export function sealEnrolmentSecret(box: SecretBox, sessionIdHash: string, secret: string): string {
  return box.seal(secret, `enrolment:${sessionIdHash}`);
}

export function openEnrolmentSecret(box: SecretBox, sessionIdHash: string, sealed: string): string {
  return box.open(sealed, `enrolment:${sessionIdHash}`);
}

/**
 * Verifies a user's TOTP code and consumes its time step: the same code (or an older one) is refused
 * afterwards, so an observed code cannot be replayed (ASVS 5.0 §6.5). The step is taken by a
 * conditional update, so of two requests with one code at the same moment exactly one succeeds.
 */
export async function verifyUserTotp(db: Executor, box: SecretBox, userId: string, code: string): Promise<boolean> {
  const user = await db.selectFrom("users").select(["totp_secret"]).where("id", "=", userId).executeTakeFirst();
  if (!user?.totp_secret) return false;
  const step = await matchTotp(box.open(user.totp_secret, `totp:${userId}`), code);
  if (step === null) return false;
  const taken = await retryingConflicts(() =>
    db
      .updateTable("users")
      .set({ totp_last_step: step })
      .where("id", "=", userId)
      .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
      .executeTakeFirst(),
  );
  return Number(taken.numUpdatedRows) === 1;
}

/**
 * Stores a confirmed secret (the first code was checked by the caller) and marks MFA enrolled — only
 * if the account is not enrolled yet: a second pending session confirming its own authenticator later
 * must not replace the owner's secret and recovery codes. False when it was refused.
 */
export async function completeEnrolment(
  db: Executor,
  box: SecretBox,
  userId: string,
  secret: string,
  step: number,
  now = new Date(),
): Promise<boolean> {
  const result = await retryingConflicts(() =>
    db
      .updateTable("users")
      .set({ totp_secret: sealTotpSecret(box, userId, secret), mfa_enrolled_at: now, totp_last_step: step })
      .where("id", "=", userId)
      .where("mfa_enrolled_at", "is", null)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) === 1;
}

/** Clears MFA so the person enrols again at next sign-in (administrator reset for a lost device). */
export async function resetMfa(db: Executor, userId: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ totp_secret: null, mfa_enrolled_at: null, totp_last_step: null })
    .where("id", "=", userId)
    .execute();
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
}

function newRecoveryCode(): string {
  const chars = crockfordText(randomBytes(crockfordBytes(16)), 16);
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

function recoveryHash(code: string): string {
  return tokenHash(`recovery:${normaliseCode(code).toUpperCase()}`);
}

/** Replaces a user's recovery codes with new ones, returned once in clear (80 bits each). */
export async function regenerateRecoveryCodes(db: Executor, userId: string, now = new Date()): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await retryingConflicts(() =>
    inTransaction(db, async (trx) => {
      await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
      await trx
        .insertInto("recovery_codes")
        .values(
          codes.map((code) => ({ code_hash: recoveryHash(code), user_id: userId, created_at: now, used_at: null })),
        )
        .execute();
    }),
  );
  return codes;
}

/** Uses up one recovery code of this user; true when it was valid and unused (once, also under a race). */
export async function consumeRecoveryCode(
  db: Executor,
  userId: string,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const result = await retryingConflicts(() =>
    db
      .updateTable("recovery_codes")
      .set({ used_at: now })
      .where("code_hash", "=", recoveryHash(code))
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) === 1;
}

export async function remainingRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** New recovery codes from account settings (the old ones stop working); recorded. */
export async function replaceRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
  const codes = await regenerateRecoveryCodes(db, userId);
  await appendAuditEntry(db, {
    actorUserId: userId,
    action: "mfa.recovery_codes_regenerated",
    targetType: "user",
    targetId: userId,
  });
  return codes;
}

/**
 * Seals TOTP seeds that older versions stored in clear, and pending enrolment secrets.
 * Run at server start, which holds the server key; a seed sealed already is left as it is.
 */
export async function sealClearTotpSecrets(db: Executor, box: SecretBox): Promise<number> {
  let sealed = 0;
  const users = await db
    .selectFrom("users")
    .select(["id", "totp_secret"])
    .where("totp_secret", "is not", null)
    .execute();
  for (const user of users) {
    if (isSealed(user.totp_secret!)) continue;
    await db
      .updateTable("users")
      .set({ totp_secret: sealTotpSecret(box, user.id, user.totp_secret!) })
      .where("id", "=", user.id)
      .execute();
    sealed++;
  }
  const pending = await db
    .selectFrom("sessions")
    .select(["id_hash", "enrolment_secret"])
    .where("enrolment_secret", "is not", null)
    .execute();
  for (const session of pending) {
    if (isSealed(session.enrolment_secret!)) continue;
    await db
      .updateTable("sessions")
      .set({ enrolment_secret: sealEnrolmentSecret(box, session.id_hash, session.enrolment_secret!) })
      .where("id_hash", "=", session.id_hash)
      .execute();
    sealed++;
  }
  return sealed;
}
