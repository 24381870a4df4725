import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPage, send } from "../support/http-client";
import { formBody, solveChallengeField, testIntakeKey, VALID_INPUT } from "../support/intake";
import { type RunningServer, startServer } from "../support/run-server";
import { createPostgresDatabase } from "../support/test-backends";

// `npm start -- --workers 2` on PostgreSQL (issue 18): two app processes share the port. Node's cluster
// hands connections to the workers in turn, and every request here has a connection of its own, so
// consecutive requests reach different workers — an officer's review page from one, the send to the other.

let server: RunningServer;
const folders: string[] = [];

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-workers-"));
  folders.push(dataDir);
  server = await startServer(
    {
      DATA_DIR: dataDir,
      DATABASE_URL: await createPostgresDatabase(),
      INTAKE_KEY: testIntakeKey(),
      SEED_REPORTS: "800",
      SEED_AGENCIES: "40",
    },
    ["--demo", "--workers", "2"],
    150_000,
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

type Sent = { status: number; receipt?: string };

/** One officer's review-then-send from `localAddress`; `shift` adds a request first, to change which worker sends. */
async function submit(localAddress: string, shift: boolean): Promise<Sent> {
  const post = (extra: Record<string, string>) =>
    send(server.url, {
      method: "POST",
      path: "/report",
      localAddress,
      body: formBody({ ...VALID_INPUT, ...extra }).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
    });
  if (shift) await getPage(server.url, "/");
  const review = await post({ intent: "review" });
  const challenge = review.body.match(/name="challenge" value="([^"]+)"/)?.[1];
  if (!challenge) return { status: review.status };
  const proof = await solveChallengeField(challenge);
  const sent = await post({ intent: "send", challenge, proof, website: "" });
  return { status: sent.status, receipt: sent.body.match(/aria-label="Receipt code: ([^"]+)"/)?.[1] };
}

/** A page's status, or "no answer" after 10 s. */
function statusOf(path: string): Promise<number | string> {
  return Promise.race([
    getPage(server.url, path).then((r) => r.status),
    new Promise<string>((resolve) => setTimeout(() => resolve("no answer"), 10_000).unref()),
  ]);
}

async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms / 1000} s:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("npm start -- --workers 2 on PostgreSQL", () => {
  it("runs two workers, each with its own analytics copy", () => {
    expect(server.output()).toMatch(/Starting 2 workers/);
    expect(server.output().match(/Analytics copy: \d+ rows/g)).toHaveLength(2);
  });

  it("a challenge from one worker is good at the other, once; the per-address cap counts both", async () => {
    const address = "127.4.0.1";
    const outcomes: Sent[] = [];
    // Ten an hour per address (DEFAULT_LIMITS), sent alternately by each worker.
    for (let i = 0; i < 11; i++) outcomes.push(await submit(address, i % 2 === 1));
    expect(outcomes.slice(0, 10).map((o) => o.status)).toEqual(Array(10).fill(200));
    expect(outcomes.slice(0, 10).every((o) => o.receipt)).toBe(true);
    expect(outcomes[10]!.status).toBe(429);
    // Another address is not capped by the first one's count.
    expect((await submit("127.4.0.2", false)).receipt).toBeTruthy();
  });

  it("a spent challenge is refused by either worker", async () => {
    const post = (extra: Record<string, string>) =>
      send(server.url, {
        method: "POST",
        path: "/report",
        localAddress: "127.4.0.3",
        body: formBody({ ...VALID_INPUT, ...extra }).toString(),
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
      });
    const review = await post({ intent: "review" });
    const challenge = review.body.match(/name="challenge" value="([^"]+)"/)![1]!;
    const proof = await solveChallengeField(challenge);
    const first = await post({ intent: "send", challenge, proof, website: "" });
    expect(first.body).toMatch(/Receipt code/);
    for (let i = 0; i < 2; i++) {
      const again = await post({ intent: "send", challenge, proof, website: "" });
      expect(again.body).not.toMatch(/Receipt code/);
    }
  });

  it("a worker killed with SIGKILL is replaced; the other answers meanwhile", async () => {
    const pids = [...server.output().matchAll(/Worker (\d+) ready/g)];
    expect(pids.length).toBe(2);
    process.kill(Number(pids[0]![1]), "SIGKILL");
    // A connection the primary hands over at the very moment of the death is lost with the worker; once the
    // primary has noticed, every request reaches the live one.
    await waitFor(() => /Worker \d+ ended \(SIGKILL\)/.test(server.output()), "the primary noticing");
    for (let i = 0; i < 6; i++) expect(await statusOf("/reports")).toBe(200);
    await waitFor(() => [...server.output().matchAll(/Worker (\d+) ready/g)].length === 3, "a new worker");
    for (let i = 0; i < 4; i++) expect(await statusOf("/reports")).toBe(200);
  });
});
