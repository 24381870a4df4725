import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import { resetMfa } from "./mfa";
import { deleteUserSessions } from "./sessions";
import { randomToken, tokenHash } from "./tokens";
import { setPassword } from "./users";
import { retryingConflicts } from "../write-conflict";

export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * An administrator issues a one-time reset link for a user (there is no email server: the link is
 * shown to the administrator to pass on). Earlier unused links of that user stop working.
 * With `resetMfa`, the person also enrols a new authenticator at next sign-in (lost phone).
 */
export async function issuePasswordReset(
  db: Executor,
  input: { userId: string; issuedBy: string; resetMfa: boolean },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("user_id", "=", input.userId)
    .where("used_at", "is", null)
    .execute();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
  await db
    .insertInto("password_resets")
    .values({
      id: crypto.randomUUID(),
      token_hash: tokenHash(token),
      user_id: input.userId,
      issued_by: input.issuedBy,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  if (input.resetMfa) await resetMfa(db, input.userId);
  await deleteUserSessions(db, input.userId);
  await appendAuditEntry(db, {
    actorUserId: input.issuedBy,
    action: "user.password_reset_issued",
    targetType: "user",
    targetId: input.userId,
    detail: { resetMfa: input.resetMfa },
  });
  return { token, expiresAt };
}

export async function findOpenPasswordReset(db: Executor, token: string, now = new Date()) {
  return db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select(["password_resets.id", "password_resets.user_id", "users.email", "users.status"])
    .where("password_resets.token_hash", "=", tokenHash(token))
    .where("password_resets.used_at", "is", null)
    .where("password_resets.expires_at", ">", now)
    .where("users.status", "=", "active")
    .executeTakeFirst();
}

/**
 * Uses the link up, sets the new password and ends every session of the account. The link is taken by
 * a conditional update before anything else: of the same link posted several times at once, one succeeds.
 */
export async function completePasswordReset(
  db: Executor,
  token: string,
  password: string,
  now = new Date(),
): Promise<{ userId: string } | null> {
  const reset = await findOpenPasswordReset(db, token, now);
  if (!reset) return null;
  const taken = await retryingConflicts(() =>
    db
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("id", "=", reset.id)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst(),
  );
  if (Number(taken.numUpdatedRows) !== 1) return null;
  await setPassword(db, reset.user_id, password, now);
  await deleteUserSessions(db, reset.user_id);
  await appendAuditEntry(db, {
    actorUserId: reset.user_id,
    action: "user.password_reset_used",
    targetType: "user",
    targetId: reset.user_id,
  });
  return { userId: reset.user_id };
}
