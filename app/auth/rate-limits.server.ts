import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// In-memory limits (one process owns the database, so one process sees every attempt). They slow
// guessing down long before the account lockout in db/accounts/users.ts, which is the hard stop.
// No address is used: keys are account emails, user ids or one global key.
function createLimiters() {
  return {
    /** Password attempts per account email: 5 per 5 minutes, then 5 minutes' wait. */
    password: new RateLimiterMemory({ keyPrefix: "password", points: 5, duration: 300, blockDuration: 300 }),
    /** Second-factor attempts per account. */
    secondFactor: new RateLimiterMemory({ keyPrefix: "mfa", points: 5, duration: 300, blockDuration: 300 }),
    /** Every password hash costs ~19 MiB and tens of ms: a global ceiling keeps the CPU for others. */
    hashing: new RateLimiterMemory({ keyPrefix: "hashing", points: 120, duration: 60 }),
    /** Public agency applications, globally (no identity to key on). */
    applications: new RateLimiterMemory({ keyPrefix: "applications", points: 20, duration: 3600 }),
  };
}
export type LimiterName = keyof ReturnType<typeof createLimiters>;

// Keyed by the database of the load context, so each test database (and the one server) has its own.
const byDatabase = new WeakMap<object, ReturnType<typeof createLimiters>>();
function limitersFor(owner: object) {
  let limiters = byDatabase.get(owner);
  if (!limiters) byDatabase.set(owner, (limiters = createLimiters()));
  return limiters;
}

/** Counts one attempt; throws a 429 page (with Retry-After) when the limit is reached. */
export async function consumeAttempt(owner: object, name: LimiterName, key: string): Promise<void> {
  try {
    await limitersFor(owner)[name].consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    throw new Response(`Too many attempts. Please wait ${wait} and try again.`, { status: 429, headers: { "Retry-After": String(seconds) } });
  }
}

/** Forgets an account's attempts after it signed in. */
export async function resetAttempts(owner: object, name: LimiterName, key: string): Promise<void> {
  await limitersFor(owner)[name].delete(key);
}
