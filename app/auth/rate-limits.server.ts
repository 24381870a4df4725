import { type IRateLimiterOptions, RateLimiterRes } from "rate-limiter-flexible";
import { deploymentLimiter, type LimiterScope, limitersPerDeployment } from "./limiter-store.server";

// They slow guessing down long before the account lockout in db/accounts/users.ts, which is the hard stop.
// Keys are account emails, user ids, one global key, or the HMAC of a client address that the server
// computes under a daily in-memory salt (server/address-key.ts): never an address itself. In memory in
// the embedded mode (one process sees every attempt); on PostgreSQL all but the per-address one count
// across every process (limiter-store.server.ts).
const LIMITS = {
  /** Password attempts per account email: 5 per 5 minutes, then 5 minutes' wait. */
  password: { keyPrefix: "password", points: 5, duration: 300, blockDuration: 300 },
  /** Second-factor attempts per account. */
  secondFactor: { keyPrefix: "mfa", points: 5, duration: 300, blockDuration: 300 },
  /** Password hashes for attempts that are not a known account with a clean history, per client. */
  source: { keyPrefix: "source", points: 20, duration: 300 },
  /** Every password hash costs ~19 MiB and tens of ms: a global ceiling keeps the CPU for others. */
  hashing: { keyPrefix: "hashing", points: 120, duration: 60 },
  /**
   * Hashes for known accounts with a clean history and holders of a valid one-time link, apart from
   * the ceiling above that anyone can fill with made-up emails.
   */
  trustedHashing: { keyPrefix: "trusted-hashing", points: 240, duration: 60 },
  /** Emails (of accounts or not) with a failed password in the last 15 minutes: their history is not clean. */
  recentFailures: { keyPrefix: "recent-failures", points: 1_000_000, duration: 900 },
  /** Public agency applications, globally (no identity to key on). */
  applications: { keyPrefix: "applications", points: 20, duration: 3600 },
} satisfies Record<string, IRateLimiterOptions>;
export type LimiterName = keyof typeof LIMITS;

/** The per-address limit stays in each process: its keys must never reach the database. */
const scopeOf = (name: LimiterName): LimiterScope => (name === "source" ? "this-process" : "shared");

async function createLimiters(owner: object) {
  const names = Object.keys(LIMITS) as LimiterName[];
  const made = await Promise.all(names.map((name) => deploymentLimiter(owner, LIMITS[name], scopeOf(name))));
  return Object.fromEntries(names.map((name, i) => [name, made[i]!])) as Record<
    LimiterName,
    Awaited<ReturnType<typeof deploymentLimiter>>
  >;
}

const limitersFor = limitersPerDeployment(createLimiters);

/** The 429 page's response, with the wait in words and in Retry-After. */
export function tooManyAttempts(msBeforeNext: number): Response {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new Response(`Too many attempts. Please wait ${wait} and try again.`, {
    status: 429,
    headers: { "Retry-After": String(seconds) },
  });
}

/** Counts one attempt; throws a 429 page (with Retry-After) when the limit is reached. */
export async function consumeAttempt(owner: object, name: LimiterName, key: string): Promise<void> {
  try {
    await (await limitersFor(owner))[name].consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw tooManyAttempts(error.msBeforeNext);
  }
}

/** Counts one attempt if there is room: null when it was counted, else how long until there is room. */
export async function tryAttempt(owner: object, name: LimiterName, key: string): Promise<number | null> {
  try {
    await (await limitersFor(owner))[name].consume(key);
    return null;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return error.msBeforeNext;
  }
}

/** Attempts counted for this key in the current window (0 when none). */
export async function attemptsSoFar(owner: object, name: LimiterName, key: string): Promise<number> {
  return (await (await limitersFor(owner))[name].get(key))?.consumedPoints ?? 0;
}

/** Forgets an account's attempts after it signed in. */
export async function resetAttempts(owner: object, name: LimiterName, key: string): Promise<void> {
  await (await limitersFor(owner))[name].delete(key);
}
