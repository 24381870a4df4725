import type { AppLoadContext } from "@remix-run/node";
import { loadServerKey } from "../../db/intake/server-key";
import { type SecretBox, secretBox } from "../../db/security/secret-box";

const UNAVAILABLE =
  "Two-step verification cannot work right now: the server key that protects it is missing or not safe to use. " +
  "An administrator has to restore it; please try again later.";

/**
 * What seals and opens TOTP seeds, derived from the server key (INTAKE_KEY or DATA_DIR/intake.key),
 * read on every request like intake's key. Without a usable key: a thrown 503 (fail closed).
 */
export function requireAccountSecrets(context: AppLoadContext): SecretBox {
  const result = loadServerKey({ envKey: context.config.intakeKey, dataDir: context.config.dataDir });
  if (!result.ok) throw new Response(UNAVAILABLE, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return secretBox(result.key.accountSecretsKey);
}
