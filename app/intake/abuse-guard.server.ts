import { randomBytes } from "node:crypto";
import { CappedMap, createChallenge, randomInt, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Abuse control without identity (docs/design.md §6.6). Everything here lives in this process's memory only:
 * the challenge signing secrets (new at every start, so a challenge cannot be replayed across a restart),
 * the spent challenges, and hourly counters keyed by an HMAC of the address under a daily salt (the
 * server computes that key; the address itself never reaches this module).
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

function hourly(points: number) {
  return new RateLimiterMemory({ points, duration: 3600 });
}

async function take(limiter: RateLimiterMemory, key: string): Promise<boolean> {
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
  private readonly signatureSecret = randomBytes(32).toString("base64");
  private readonly keySignatureSecret = randomBytes(32).toString("base64");
  /** Signatures of used challenges, until they would have expired anyway. */
  private readonly spent = new CappedMap<string, number>({ maxSize: 100_000 });
  private readonly submissions: RateLimiterMemory;
  private readonly submissionsByAddress: RateLimiterMemory;
  private readonly noScript: RateLimiterMemory;
  private readonly noScriptByAddress: RateLimiterMemory;
  private readonly lookups: RateLimiterMemory;
  private readonly lookupsByAddress: RateLimiterMemory;

  constructor(readonly limits: AbuseLimits = DEFAULT_LIMITS) {
    this.submissions = hourly(limits.submissionsPerHour);
    this.submissionsByAddress = hourly(limits.submissionsPerAddressPerHour);
    this.noScript = hourly(limits.noScriptSubmissionsPerHour);
    this.noScriptByAddress = hourly(limits.noScriptSubmissionsPerAddressPerHour);
    this.lookups = hourly(limits.receiptLookupsPerHour);
    this.lookupsByAddress = hourly(limits.receiptLookupsPerAddressPerHour);
  }

  /** A signed, expiring challenge, encoded for a hidden form field. */
  async issueChallenge(now = Date.now()): Promise<string> {
    const challenge = await createChallenge({
      algorithm: "SHA-256",
      cost: 1,
      counter: randomInt(this.limits.powCounter[0], this.limits.powCounter[1]),
      deriveKey,
      expiresAt: Math.floor(now / 1000) + this.limits.challengeTtlSeconds,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySignatureSecret,
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
    this.forgetExpired(now);
    if (this.spent.has(challenge.signature)) return "replayed";
    const solution = solutionField ? decode<Solution>(solutionField) : null;
    if (solutionField && !solution) return "invalid";
    let result: Awaited<ReturnType<typeof verifySolution>>;
    try {
      result = await verifySolution({
        challenge,
        // Without a solution only the signature and expiry are checked; the key check then fails.
        solution: solution ?? { counter: 0, derivedKey: "00" },
        deriveKey,
        hmacSignatureSecret: this.signatureSecret,
        hmacKeySignatureSecret: this.keySignatureSecret,
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
    if (!this.spent.setIfAbsent(challenge.signature, expiresAt * 1000)) return "replayed";
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

  private forgetExpired(now: number): void {
    for (const [signature, expires] of this.spent) {
      if (expires > now) break; // insertion order is roughly expiry order
      this.spent.delete(signature);
    }
  }
}

// One guard per server process, like the database instance: its memory is the whole point.
let guard: AbuseGuard | undefined;

export function getAbuseGuard(): AbuseGuard {
  return (guard ??= new AbuseGuard());
}

/** Tests start from a fresh guard (optionally with small limits or an easy challenge). */
export function resetAbuseGuard(limits: Partial<AbuseLimits> = {}): AbuseGuard {
  guard = new AbuseGuard({ ...DEFAULT_LIMITS, ...limits });
  return guard;
}
