import type { AppLoadContext } from "@remix-run/node";
import { auditLogReady } from "../../db/audit/audit-anchor";
import { loadServerKey } from "../../db/intake/server-key";
import { type SecretBox, secretBox } from "../../db/security/secret-box";

const UNAVAILABLE =
  "Two-step verification cannot work right now: the server key that protects it is missing or not safe to use. " +
  "An administrator has to restore it; please try again later.";

function unavailable(): Response {
  return new Response(UNAVAILABLE, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * For forms that write to the audit log before anyone is signed in (sign-in, agency applications): the
 * log's key derives from the server key too, and an entry that cannot be written must not become a 500.
 */
export function requireAuditLog(): void {
  if (!auditLogReady()) throw unavailable();
}

/**
 * What seals and opens TOTP seeds, derived from the server key (INTAKE_KEY or DATA_DIR/intake.key),
 * read on every request like intake's key. Without a usable key: a thrown 503 (fail closed).
 */
export function requireAccountSecrets(context: AppLoadContext): SecretBox {
  const result = loadServerKey({ envKey: context.config.intakeKey, dataDir: context.config.dataDir });
  if (!result.ok) throw unavailable();
  return secretBox(result.key.accountSecretsKey);
}
