import type { AppLoadContext } from "@remix-run/node";
import { type PasswordStep, signInWithPassword } from "../../db/accounts/sign-in";
import { findUserByEmail, normaliseEmail } from "../../db/accounts/users";
import { attemptsSoFar, consumeAttempt, resetAttempts, tooManyAttempts, tryAttempt } from "./rate-limits.server";

/**
 * Who may have a password hashed now. A global hashing cap alone let anyone shut
 * sign-in for everybody with ~2 made-up emails a second. Now, in order:
 * 1. per account (email, existing or not): 5 attempts in 5 minutes, whoever sends them;
 * 2. a known, active account with no failed password in 15 minutes goes through, under a ceiling of its
 *    own that made-up emails cannot fill;
 * 3. everyone else counts against their source (an HMAC of the address) and then the global cap.
 * When 3 has no room: an email with a recent failure gets a 429; an email with a clean history is by
 * then not an active account (2 took those), so "wrong email or password" is the true answer and needs
 * no hash — it is given after about the time a hash takes, so neither the answer nor its timing tells an
 * account from a made-up email. Every failure marks the email, account or not, the same way.
 */
type PasswordGate = { verify: "hash" } | { verify: "no-account"; after: number };

// The time a password check takes here, measured, so that answers given without one take as long.
let typicalCheckMs = 60;

async function admitPasswordAttempt(context: AppLoadContext, emailInput: string): Promise<PasswordGate> {
  const email = normaliseEmail(emailInput);
  await consumeAttempt(context.db, "password", email);
  const clean = (await attemptsSoFar(context.db, "recentFailures", email)) === 0;
  const account = await findUserByEmail(context.db, email);
  const now = new Date();
  if (clean && account?.status === "active" && !(account.locked_until && account.locked_until > now)) {
    await consumeAttempt(context.db, "trustedHashing", "all");
    return { verify: "hash" };
  }
  const wait =
    (await tryAttempt(context.db, "source", context.addressKey ?? "unknown")) ??
    (await tryAttempt(context.db, "hashing", "all"));
  if (wait === null) return { verify: "hash" };
  if (!clean) throw tooManyAttempts(wait);
  return { verify: "no-account", after: typicalCheckMs };
}

/** The password step of sign-in behind the gate; a failure spoils the email's history, a success clears it. */
export async function passwordStep(
  context: AppLoadContext,
  input: { email: string; password: string; previousIdHash?: string | null },
): Promise<PasswordStep> {
  const gate = await admitPasswordAttempt(context, input.email);
  const started = performance.now();
  const result = await signInWithPassword(context.db, {
    ...input,
    allowDemo: context.config.demo,
    hashUnknown: gate.verify === "hash",
  });
  const took = performance.now() - started;
  if (gate.verify === "hash") typicalCheckMs = typicalCheckMs * 0.8 + took * 0.2;
  else await new Promise((resolve) => setTimeout(resolve, Math.max(0, gate.after - took)));
  const email = normaliseEmail(input.email);
  if (result.ok) await resetAttempts(context.db, "recentFailures", email);
  else await consumeAttempt(context.db, "recentFailures", email);
  return result;
}
