import { randomBytes } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Abuse control without identity (docs/design.md §6.6). Everything here lives in memory only: the
 * challenge signing secrets (new at every start, so a challenge cannot be replayed across a restart),
 * the spent challenges, and hourly counters keyed by an HMAC of the address under a daily salt (the
 * server computes that key; the address itself never reaches this module). With `--workers N` that
 * memory is the primary process's (GuardSetup): a challenge from one worker is good at another, spent
 * once for all, and the caps count every worker's submissions.
 */
export interface AbuseLimits {
  submissionsPerHour: number;
  submissionsPerAddressPerHour: number;
  /** The no-JavaScript path (no proof of work) has its own, tighter caps. */
  noScriptSubmissionsPerHour: number;
  noScriptSubmissionsPerAddressPerHour: number;
  receiptLookupsPerHour: number;
  receiptLookupsPerAddressPerHour: number;
  challengeTtlSeconds: number;
  /** Without JavaScript, a challenge must be at least this old when it is used (a human reads the review first). */
  noScriptMinSeconds: number;
  /** Deterministic ALTCHA counter range: about 30 µs per step in a browser, so 1–3 s of work on a laptop. */
  powCounter: readonly [number, number];
}

export const DEFAULT_LIMITS: AbuseLimits = {
  submissionsPerHour: 120,
  submissionsPerAddressPerHour: 10,
  noScriptSubmissionsPerHour: 30,
  noScriptSubmissionsPerAddressPerHour: 3,
  receiptLookupsPerHour: 2_000,
  receiptLookupsPerAddressPerHour: 30,
  challengeTtlSeconds: 30 * 60,
  noScriptMinSeconds: 8,
  powCounter: [25_000, 60_000],
};

export type ProofResult = "verified" | "no-script" | "missing" | "invalid" | "expired" | "replayed" | "too-soon";

/** Where a worker process keeps its secrets and counts (server/workers.ts sets it up before any request). */
export interface GuardSetup {
  secrets(): Promise<readonly [string, string]>;
  limiter(options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract;
}
const SETUP = Symbol.for("closecall.abuse-guard.setup");

/** Called by a worker's server before it serves: the Remix build's copy of this module finds it on globalThis. */
export function useGuardSetup(setup: GuardSetup): void {
  (globalThis as { [SETUP]?: GuardSetup })[SETUP] = setup;
}

const inThisProcess: GuardSetup = {
  secrets: async () => [randomBytes(32).toString("base64"), randomBytes(32).toString("base64")],
  limiter: (options) => new RateLimiterMemory(options),
};

async function take(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

function decode<T>(text: string): T | null {
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}

export class AbuseGuard {
  private readonly secrets: Promise<readonly [string, string]>;
  /** Signatures of used challenges, each until it would have expired anyway (one point each). */
  private readonly spent: RateLimiterAbstract;
  private readonly submissions: RateLimiterAbstract;
  private readonly submissionsByAddress: RateLimiterAbstract;
  private readonly noScript: RateLimiterAbstract;
  private readonly noScriptByAddress: RateLimiterAbstract;
  private readonly lookups: RateLimiterAbstract;
  private readonly lookupsByAddress: RateLimiterAbstract;

  constructor(
    readonly limits: AbuseLimits = DEFAULT_LIMITS,
    setup: GuardSetup = inThisProcess,
  ) {
    this.secrets = setup.secrets();
    this.secrets.catch(() => undefined); // reported where it is awaited
    const hourly = (keyPrefix: string, points: number) => setup.limiter({ keyPrefix, points, duration: 3600 });
    this.spent = setup.limiter({ keyPrefix: "intake-spent", points: 1, duration: limits.challengeTtlSeconds });
    this.submissions = hourly("intake-all", limits.submissionsPerHour);
    this.submissionsByAddress = hourly("intake-address", limits.submissionsPerAddressPerHour);
    this.noScript = hourly("intake-no-script-all", limits.noScriptSubmissionsPerHour);
    this.noScriptByAddress = hourly("intake-no-script-address", limits.noScriptSubmissionsPerAddressPerHour);
    this.lookups = hourly("receipt-all", limits.receiptLookupsPerHour);
    this.lookupsByAddress = hourly("receipt-address", limits.receiptLookupsPerAddressPerHour);
  }

  /** A signed, expiring challenge, encoded for a hidden form field. */
  async issueChallenge(now = Date.now()): Promise<string> {
    const [signatureSecret, keySignatureSecret] = await this.secrets;
    const challenge = await createChallenge({
      algorithm: "SHA-256",
      cost: 1,
      counter: randomInt(this.limits.powCounter[0], this.limits.powCounter[1]),
      deriveKey,
      expiresAt: Math.floor(now / 1000) + this.limits.challengeTtlSeconds,
      hmacSignatureSecret: signatureSecret,
      hmacKeySignatureSecret: keySignatureSecret,
    });
    return Buffer.from(JSON.stringify(challenge)).toString("base64url");
  }

  /**
   * Checks the challenge (and the browser's solution, when there is one) and spends it. Without a
   * solution the form took the no-JavaScript path: the challenge must still be genuine, unused and
   * unexpired, and old enough that a person read the review page.
   */
  async checkProof(challengeField: string, solutionField: string, now = Date.now()): Promise<ProofResult> {
    if (!challengeField) return "missing";
    const challenge = decode<Challenge>(challengeField);
    if (!challenge?.parameters || typeof challenge.signature !== "string") return "invalid";
    const expiresAt = challenge.parameters.expiresAt;
    if (typeof expiresAt !== "number") return "invalid";
    if (((await this.spent.get(challenge.signature))?.consumedPoints ?? 0) > 0) return "replayed";
    const [signatureSecret, keySignatureSecret] = await this.secrets;
    const solution = solutionField ? decode<Solution>(solutionField) : null;
    if (solutionField && !solution) return "invalid";
    let result: Awaited<ReturnType<typeof verifySolution>>;
    try {
      result = await verifySolution({
        challenge,
        // Without a solution only the signature and expiry are checked; the key check then fails.
        solution: solution ?? { counter: 0, derivedKey: "00" },
        deriveKey,
        hmacSignatureSecret: signatureSecret,
        hmacKeySignatureSecret: keySignatureSecret,
      });
    } catch {
      return "invalid";
    }
    if (result.expired || expiresAt * 1000 <= now) return "expired";
    if (result.invalidSignature) return "invalid";
    if (!solution) {
      const issuedAt = expiresAt - this.limits.challengeTtlSeconds;
      if (now / 1000 - issuedAt < this.limits.noScriptMinSeconds) return "too-soon";
    } else if (!result.verified) {
      return "invalid";
    }
    // The one point of a signature: of two uses at once (here or at another worker), one is refused.
    if (!(await take(this.spent, challenge.signature))) return "replayed";
    return solution ? "verified" : "no-script";
  }

  /** Counts one submission against the hourly caps; false when a cap is reached. */
  async takeSubmission(addressKey: string, noScript: boolean): Promise<boolean> {
    if (noScript && !((await take(this.noScriptByAddress, addressKey)) && (await take(this.noScript, "all"))))
      return false;
    return (await take(this.submissionsByAddress, addressKey)) && (await take(this.submissions, "all"));
  }

  async takeReceiptLookup(addressKey: string): Promise<boolean> {
    return (await take(this.lookupsByAddress, addressKey)) && (await take(this.lookups, "all"));
  }
}

// One guard per server process, like the database instance: its memory is the whole point.
let guard: AbuseGuard | undefined;

export function getAbuseGuard(): AbuseGuard {
  return (guard ??= new AbuseGuard(DEFAULT_LIMITS, (globalThis as { [SETUP]?: GuardSetup })[SETUP]));
}

/** Tests start from a fresh guard (optionally with small limits or an easy challenge). */
export function resetAbuseGuard(limits: Partial<AbuseLimits> = {}): AbuseGuard {
  guard = new AbuseGuard({ ...DEFAULT_LIMITS, ...limits });
  return guard;
}
