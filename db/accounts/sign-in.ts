import type { Executor } from "../database";
import { appendAuditEntry } from "../audit/audit-log";
import type { SecretBox } from "../security/secret-box";
import {
  completeEnrolment,
  consumeRecoveryCode,
  matchTotp,
  openEnrolmentSecret,
  regenerateRecoveryCodes,
  verifyUserTotp,
} from "./mfa";
import {
  type ActiveSession,
  createSession,
  deleteSession,
  keepRecoveryCodesToShow,
  type NewSession,
  rotateSession,
} from "./sessions";
import { tokenHash } from "./tokens";
import { authenticate, findUserById, normaliseEmail, recordFailure, recordSignIn } from "./users";

// The sign-in flows, each recorded in the audit log: password (first factor) → a short pending
// session → TOTP or recovery code (second factor) → a fresh, fully signed-in session.

export type PasswordStep =
  | { ok: true; session: NewSession; next: "mfa" | "enrol" }
  | { ok: false; reason: "invalid" | "locked" | "disabled" | "demo_refused" };

export async function signInWithPassword(
  db: Executor,
  input: { email: string; password: string; allowDemo: boolean; previousIdHash?: string | null; hashUnknown?: boolean },
): Promise<PasswordStep> {
  const result = await authenticate(db, input.email, input.password, {
    allowDemo: input.allowDemo,
    hashUnknown: input.hashUnknown,
  });
  const email = normaliseEmail(input.email).slice(0, 254);
  if (!result.ok) {
    const refused = result.reason === "disabled" || result.reason === "demo_refused";
    await appendAuditEntry(db, {
      actorUserId: result.user?.id ?? null,
      action: refused ? "sign_in.refused" : "sign_in.failed",
      targetType: "user",
      targetId: result.user?.id ?? null,
      detail: { email, reason: result.reason },
    });
    if (result.lockedNow)
      await appendAuditEntry(db, {
        actorUserId: result.user!.id,
        action: "account.locked",
        targetType: "user",
        targetId: result.user!.id,
      });
    return { ok: false, reason: result.reason };
  }
  // A new id at every sign-in: whatever session the browser had before is gone (fixation).
  if (input.previousIdHash) await deleteSession(db, input.previousIdHash);
  const session = await createSession(db, result.user.id, false);
  return { ok: true, session, next: result.user.mfa_enrolled_at ? "mfa" : "enrol" };
}

export type SecondFactorResult =
  { ok: true; session: NewSession; recoveryCodesLeft?: number } | { ok: false; reason: "invalid" | "locked" };

async function failSecondFactor(
  db: Executor,
  pending: ActiveSession,
  factor: string,
  now: Date,
): Promise<SecondFactorResult> {
  const user = await findUserById(db, pending.user.id);
  const lockedNow = user ? await recordFailure(db, user, now) : false;
  await appendAuditEntry(db, {
    actorUserId: pending.user.id,
    action: "mfa.failed",
    targetType: "user",
    targetId: pending.user.id,
    detail: { factor },
  });
  if (lockedNow) {
    await appendAuditEntry(db, {
      actorUserId: pending.user.id,
      action: "account.locked",
      targetType: "user",
      targetId: pending.user.id,
    });
    await deleteSession(db, pending.idHash);
    return { ok: false, reason: "locked" };
  }
  return { ok: false, reason: "invalid" };
}

async function locked(db: Executor, userId: string, now: Date): Promise<boolean> {
  const user = await findUserById(db, userId);
  return !!user?.locked_until && user.locked_until > now;
}

/** The second factor: a TOTP code or a single-use recovery code. Success rotates the session id. */
export async function completeSecondFactor(
  db: Executor,
  box: SecretBox,
  pending: ActiveSession,
  input: { kind: "totp" | "recovery"; code: string },
  now = new Date(),
): Promise<SecondFactorResult> {
  if (await locked(db, pending.user.id, now)) {
    await deleteSession(db, pending.idHash);
    return { ok: false, reason: "locked" };
  }
  const valid =
    input.kind === "totp"
      ? await verifyUserTotp(db, box, pending.user.id, input.code)
      : await consumeRecoveryCode(db, pending.user.id, input.code, now);
  if (!valid) return failSecondFactor(db, pending, input.kind, now);
  await recordSignIn(db, pending.user.id, now);
  const session = await rotateSession(db, pending.idHash, pending.user.id, true, now);
  await appendAuditEntry(db, {
    actorUserId: pending.user.id,
    action: "sign_in.succeeded",
    targetType: "user",
    targetId: pending.user.id,
    detail: { factor: input.kind },
  });
  if (input.kind === "recovery") {
    await appendAuditEntry(db, {
      actorUserId: pending.user.id,
      action: "mfa.recovery_code_used",
      targetType: "user",
      targetId: pending.user.id,
    });
  }
  return { ok: true, session };
}

export type EnrolmentResult =
  | { ok: true; session: NewSession; recoveryCodes: string[] }
  | { ok: false; reason: "invalid" | "locked" | "no_secret" | "already_enrolled" };

/**
 * First sign-in: the code from the newly added authenticator confirms the secret held on the pending
 * session; MFA is then enrolled (unless another session enrolled the account first), recovery codes are
 * issued and the session rotates. The codes wait, sealed, on the new session for the page that shows
 * them once (a form without JavaScript gets there by a redirect).
 */
export async function confirmMfaEnrolment(
  db: Executor,
  box: SecretBox,
  pending: ActiveSession,
  code: string,
  now = new Date(),
): Promise<EnrolmentResult> {
  if (!pending.sealedEnrolmentSecret) return { ok: false, reason: "no_secret" };
  if (pending.user.mfaEnrolled) return { ok: false, reason: "already_enrolled" };
  if (await locked(db, pending.user.id, now)) return { ok: false, reason: "locked" };
  const secret = openEnrolmentSecret(box, pending.idHash, pending.sealedEnrolmentSecret);
  const step = await matchTotp(secret, code, now.getTime());
  if (step === null) {
    const failed = await failSecondFactor(db, pending, "totp-enrolment", now);
    return { ok: false, reason: failed.ok ? "invalid" : failed.reason };
  }
  if (!(await completeEnrolment(db, box, pending.user.id, secret, step, now)))
    return { ok: false, reason: "already_enrolled" };
  const recoveryCodes = await regenerateRecoveryCodes(db, pending.user.id, now);
  await recordSignIn(db, pending.user.id, now);
  const session = await rotateSession(db, pending.idHash, pending.user.id, true, now);
  await keepRecoveryCodesToShow(db, box, tokenHash(session.id), recoveryCodes);
  await appendAuditEntry(db, {
    actorUserId: pending.user.id,
    action: "mfa.enrolled",
    targetType: "user",
    targetId: pending.user.id,
  });
  await appendAuditEntry(db, {
    actorUserId: pending.user.id,
    action: "sign_in.succeeded",
    targetType: "user",
    targetId: pending.user.id,
    detail: { factor: "totp-enrolment" },
  });
  return { ok: true, session, recoveryCodes };
}
