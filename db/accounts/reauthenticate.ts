import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import type { SecretBox } from "../security/secret-box";
import { verifyPassword } from "../security/password";
import { verifyUserTotp } from "./mfa";
import { findUserById, recordFailure } from "./users";

/**
 * A fresh proof that the signed-in person is at the keyboard, for actions a stolen session must not
 * take (new recovery codes, new API tokens): their password, or a current TOTP code
 * (six digits: no password is that short), which is used up like a sign-in code. A wrong proof counts
 * toward the account's lockout and is recorded.
 */
export async function confirmIdentity(
  db: Executor,
  box: SecretBox,
  userId: string,
  proof: string,
  now = new Date(),
): Promise<boolean> {
  const code = proof.replace(/\s/g, "");
  let confirmed: boolean;
  if (/^\d{6}$/.test(code)) {
    confirmed = await verifyUserTotp(db, box, userId, code);
  } else {
    const user = await findUserById(db, userId);
    confirmed = !!user && (await verifyPassword(user.password_hash, proof));
  }
  if (!confirmed) {
    await recordFailure(db, { id: userId }, now);
    await appendAuditEntry(db, {
      actorUserId: userId,
      action: "account.reauthentication_failed",
      targetType: "user",
      targetId: userId,
    });
  }
  return confirmed;
}
