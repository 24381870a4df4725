import type { AppLoadContext } from "@remix-run/node";
import { requireAccountSecrets } from "./account-secrets.server";
import { confirmIdentity } from "./accounts.server";
import { ConfirmIdentitySchema, fieldErrors, type FieldErrors } from "./forms";
import { consumeAttempt } from "./rate-limits.server";

/**
 * Checks the `confirm` field of a form (password or current TOTP code): null when it proves the person
 * is at the keyboard, else the field's error. Attempts count with the second factor's (5 in 5 minutes).
 */
export async function freshProofErrors(
  context: AppLoadContext,
  userId: string,
  form: FormData,
): Promise<FieldErrors | null> {
  const parsed = ConfirmIdentitySchema.safeParse({ confirm: form.get("confirm") ?? "" });
  if (!parsed.success) return fieldErrors(parsed.error);
  const box = requireAccountSecrets(context);
  await consumeAttempt(context.db, "secondFactor", userId);
  if (await confirmIdentity(context.db, box, userId, parsed.data.confirm)) return null;
  return { confirm: "That is not your password, or not the current code (a code works once; wait for the next one)." };
}
