import { randomUUID } from "node:crypto";
import { request } from "node:http";
import path from "node:path";
import { DEFAULT_LIMITS } from "../../app/intake/abuse-guard.server";
import { findSubmissionByReceipt, decryptSubmission } from "../../db/intake/submission-repository";
import { loadServerKey } from "../../db/intake/server-key";
import { openDatabase } from "../../db/open";
import { formBody, solveChallengeField, VALID_INPUT } from "../support/intake";
import type { RunningServer } from "../support/run-server";
import { startBenchServer, type BenchServerOptions } from "./bench-server";
import { summarise } from "./stats";

interface Acknowledged {
  receipt: string;
  token: string;
  /** Seconds since the phase started. */
  at: number;
}

export interface DurabilityPhase {
  name: string;
  seconds: number;
  clients: number;
  attempted: number;
  acknowledged: number;
  /** Refused by the hourly cap (429: the officer is told nothing was stored and to send again later). */
  capped: number;
  /** Connection refused/reset or no answer: not acknowledged, so the officer still has the page and sends again. */
  failed: number;
  otherStatuses: Record<string, number>;
  submitLatency: { median: number; p95: number };
  /** The officers stopped before the time was up because the server process had taken its hourly cap. */
  stoppedAtCap: boolean;
  /** Set when the server was killed with SIGKILL mid-run. */
  kill?: { atSeconds: number; acknowledgedBefore: number; inFlight: number; restartSeconds: number };
  lookedUp: number;
  /** Acknowledged receipts that lead to no stored submission, or to one whose text differs: must be 0. */
  lost: number;
  /** Stored rows beyond the acknowledged ones (committed, but the answer died with the server). */
  storedUnacknowledged: number;
}

export interface DurabilityResult {
  powCounter: string;
  phases: DurabilityPhase[];
}

interface Answer {
  status: number;
  body: string;
}

/**
 * One form post from a given loopback source address. Every simulated officer posts from an address of
 * its own in 127.0.0.0/8 (Linux answers on all of them), so the per-address hourly caps count each
 * officer once, as in the field, and the server runs unchanged.
 */
function post(port: number, localAddress: string, fields: Record<string, string | readonly string[]>): Promise<Answer> {
  const body = formBody(fields).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        path: "/report",
        method: "POST",
        agent: false,
        timeout: 60_000,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "sec-fetch-site": "same-origin",
          accept: "text/html",
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

const CHALLENGE = /name="challenge" value="([^"]+)"/;
const RECEIPT = /aria-label="Receipt code: ([^"]+)"/;

/** The nth simulated officer's loopback address (127.1.0.1 upwards). */
function addressOf(n: number): string {
  return `127.${1 + Math.floor(n / 65_000)}.${Math.floor((n % 65_000) / 250)}.${1 + (n % 250)}`;
}

/** A distinct report per submission: the token in its text proves later that the stored one is this one. */
function reportFields(token: string): Record<string, string | readonly string[]> {
  return {
    ...VALID_INPUT,
    title: `Benchmark near miss ${token.slice(0, 8)}`,
    narrative: `${VALID_INPUT.narrative} Benchmark token ${token}.`,
  };
}

type Outcome =
  | { kind: "ack"; receipt: string; ms: number }
  | { kind: "capped" }
  | { kind: "failed" }
  | { kind: "status"; status: string };

/** Review, proof of work (solved like the browser), send: the officer's whole path through the form. */
async function submitOnce(port: number, officer: number, token: string): Promise<Outcome> {
  const address = addressOf(officer);
  const fields = reportFields(token);
  try {
    const review = await post(port, address, { ...fields, intent: "review" });
    const challenge = review.body.match(CHALLENGE)?.[1];
    if (review.status !== 200 || !challenge)
      return review.status === 429 ? { kind: "capped" } : { kind: "status", status: `review ${review.status}` };
    const proof = await solveChallengeField(challenge);
    const started = performance.now();
    const sent = await post(port, address, { ...fields, intent: "send", challenge, proof, website: "" });
    if (sent.status === 429) return { kind: "capped" };
    const receipt = sent.body.match(RECEIPT)?.[1]?.replaceAll(" ", "");
    if (sent.status !== 200 || !receipt) return { kind: "status", status: `send ${sent.status}` };
    return { kind: "ack", receipt, ms: performance.now() - started };
  } catch {
    return { kind: "failed" };
  }
}

async function countSubmissions(dataDir: string): Promise<number> {
  const database = await openDatabase({ location: path.join(dataDir, "closecall.duckdb") });
  try {
    const row = await database.db
      .selectFrom("submissions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return row.n;
  } finally {
    await database.close();
  }
}

/** Looks every acknowledged receipt up (as the receipt page does) and checks the stored text is the one sent. */
async function verify(
  dataDir: string,
  intakeKey: string,
  acknowledged: readonly Acknowledged[],
): Promise<{ lost: number; stored: number }> {
  const key = loadServerKey({ envKey: intakeKey, dataDir });
  if (!key.ok) throw new Error(key.reason);
  const database = await openDatabase({ location: path.join(dataDir, "closecall.duckdb") });
  try {
    let lost = 0;
    for (const a of acknowledged) {
      const submission = await findSubmissionByReceipt(database.db, key.key, a.receipt);
      const payload = submission ? await decryptSubmission(database.db, key.key, submission.id) : null;
      if (!payload?.narrative.includes(a.token)) lost++;
    }
    const row = await database.db
      .selectFrom("submissions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { lost, stored: row.n };
  } finally {
    await database.close();
  }
}

export interface DurabilityOptions extends BenchServerOptions {
  clients: number;
  seconds: number;
  /** SIGKILL the server this many seconds into the phase, restart it at once, and go on. */
  killAtSeconds?: number;
  log: (line: string) => void;
}

let officers = 0;

/**
 * Section 6: `clients` officers submit reports through the real form for `seconds`; then every
 * acknowledged receipt is looked up. With `killAtSeconds`, the server is killed with SIGKILL mid-run
 * (requests in flight) and restarted on the same data while the officers keep sending.
 */
export async function runDurabilityPhase(name: string, options: DurabilityOptions): Promise<DurabilityPhase> {
  const before = await countSubmissions(options.dataDir);
  let server: RunningServer = await startBenchServer(options);
  const acknowledged: Acknowledged[] = [];
  const latencies: number[] = [];
  const otherStatuses: Record<string, number> = {};
  let attempted = 0;
  let capped = 0;
  let failed = 0;
  let inFlight = 0;
  let kill: DurabilityPhase["kill"];
  let down = false;
  // The server takes at most this many submissions an hour per process (production caps, in memory):
  // officers start no more than that on one process, so that no send is refused by the cap.
  let startedOnThisProcess = 0;
  let stoppedAtCap = false;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;

  const officer = async () => {
    while (elapsed() < options.seconds) {
      const killPending = options.killAtSeconds !== undefined && kill === undefined;
      if (down || (startedOnThisProcess >= DEFAULT_LIMITS.submissionsPerHour && killPending)) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (startedOnThisProcess >= DEFAULT_LIMITS.submissionsPerHour) {
        stoppedAtCap = true;
        break;
      }
      startedOnThisProcess++;
      const token = randomUUID();
      attempted++;
      inFlight++;
      const outcome = await submitOnce(options.port, officers++, token);
      inFlight--;
      if (outcome.kind === "ack") {
        acknowledged.push({ receipt: outcome.receipt, token, at: elapsed() });
        latencies.push(outcome.ms);
      } else if (outcome.kind === "capped") capped++;
      else if (outcome.kind === "failed") failed++;
      else otherStatuses[outcome.status] = (otherStatuses[outcome.status] ?? 0) + 1;
    }
  };

  const killer = async () => {
    if (options.killAtSeconds === undefined) return;
    await new Promise((r) => setTimeout(r, options.killAtSeconds! * 1000));
    // On a loaded machine the first receipt can come later than that (each officer solves a proof of
    // work first): the kill waits for one, within the phase's length, so that acknowledged submissions
    // exist on both sides of it.
    while (acknowledged.length === 0 && elapsed() < options.seconds) await new Promise((r) => setTimeout(r, 100));
    const acknowledgedBefore = acknowledged.length;
    const flying = inFlight;
    down = true;
    const atSeconds = elapsed();
    await server.stop("SIGKILL");
    options.log(`  SIGKILL at ${atSeconds.toFixed(1)} s with ${flying} submissions in flight; restarting…`);
    const restarted = await startBenchServer(options);
    server = restarted;
    startedOnThisProcess = 0;
    down = false;
    kill = { atSeconds, acknowledgedBefore, inFlight: flying, restartSeconds: restarted.startSeconds };
    options.log(`  restarted in ${restarted.startSeconds.toFixed(1)} s`);
  };

  await Promise.all([...Array.from({ length: options.clients }, officer), killer()]);
  const code = await server.stop("SIGTERM");
  if (code !== 0) options.log(`  server exited with ${code} on SIGTERM`);
  const checked = await verify(options.dataDir, options.intakeKey, acknowledged);
  const s = summarise(latencies);
  const phase: DurabilityPhase = {
    name,
    seconds: options.seconds,
    clients: options.clients,
    attempted,
    acknowledged: acknowledged.length,
    capped,
    failed,
    otherStatuses,
    submitLatency: { median: s.median, p95: s.p95 },
    stoppedAtCap,
    kill,
    lookedUp: acknowledged.length,
    lost: checked.lost,
    storedUnacknowledged: checked.stored - before - (acknowledged.length - checked.lost),
  };
  options.log(
    `  ${name}: ${phase.acknowledged} acknowledged of ${attempted} attempted (${capped} capped, ${failed} failed), ` +
      `looked up ${phase.lookedUp}: ${phase.lost} lost; ${phase.storedUnacknowledged} stored without acknowledgement`,
  );
  return phase;
}

/** Section 6: a steady phase, then a phase with the server killed (SIGKILL) halfway and restarted. */
export async function runDurability(options: DurabilityOptions): Promise<DurabilityResult> {
  const steady = await runDurabilityPhase("steady", options);
  const killed = await runDurabilityPhase("SIGKILL mid-run and restart", {
    ...options,
    killAtSeconds: options.seconds / 2,
  });
  return { powCounter: "production default (25,000–60,000), solved by the client", phases: [steady, killed] };
}
