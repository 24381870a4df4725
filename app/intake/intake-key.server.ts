import type { AppLoadContext } from "@remix-run/node";
import { loadServerKey, type ServerKey } from "../../db/intake/server-key";
import { INTAKE_CLOSED_MESSAGE } from "./intake-messages";

/**
 * The server key for this request, or a thrown 503 (docs/design.md §6.4: fail closed). Read on every request,
 * so a removed or damaged key closes intake at once. The reason is printed at server start, not per request.
 */
export function requireIntakeKey(context: AppLoadContext): ServerKey {
  const result = loadServerKey({ envKey: context.config.intakeKey, dataDir: context.config.dataDir });
  if (!result.ok) {
    throw new Response(INTAKE_CLOSED_MESSAGE, {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return result.key;
}
