import type { Kysely } from "kysely";
import type { AppConfig } from "../orchestration/config";
import { sealClearTotpSecrets } from "../db/accounts/mfa";
import { useAuditAnchorOf } from "../db/audit/audit-anchor";
import { keyUnkeyedAuditChain } from "../db/audit/audit-log";
import type { Database } from "../db/database";
import { prepareIntakeKey } from "../db/intake/prepare-key";
import { loadServerKey } from "../db/intake/server-key";
import { type SecretBox, secretBox } from "../db/security/secret-box";

/**
 * The server key at start (created on the first start): intake's line for the operator, the audit log
 * bound to it (an older unkeyed chain re-keyed once), and what seals TOTP seeds — undefined when the key
 * is unusable, in which case intake and sign-in answer 503.
 */
export async function useServerKey(
  db: Kysely<Database>,
  config: AppConfig,
  log: (line: string) => void,
): Promise<SecretBox | undefined> {
  const options = { envKey: config.intakeKey, dataDir: config.dataDir };
  log(await prepareIntakeKey(db, options));
  const key = loadServerKey(options);
  if (!key.ok || !useAuditAnchorOf(options)) {
    log("Sign-in is CLOSED (answers 503): the audit log and two-step verification need the server key above.");
    return undefined;
  }
  const rekeyed = await keyUnkeyedAuditChain(db);
  if (rekeyed > 0) log(`Audit log: ${rekeyed} entries written before its key were verified and re-keyed.`);
  return secretBox(key.key.accountSecretsKey);
}

/** Seals TOTP seeds stored in clear (by an older version, or `closecall seed --demo-accounts`). */
export async function sealLeftoverSeeds(
  db: Kysely<Database>,
  box: SecretBox,
  log: (line: string) => void,
): Promise<void> {
  const sealed = await sealClearTotpSecrets(db, box);
  if (sealed > 0) log(`Sealed ${sealed} TOTP secret(s) that were stored in clear.`);
}
