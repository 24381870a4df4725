import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServerKey, type ServerKey } from "../../db/intake/server-key";
import { decryptSubmission, findSubmissionByReceipt } from "../../db/intake/submission-repository";
import { openPostgres } from "../../db/open-postgres";
import type { OpenStore } from "../../db/open";
import { approveTestReport } from "../review/review-fixtures";
import { getPage, postForm, send, signInOverHttp } from "../support/http-client";
import { formBody, solveChallengeField, testIntakeKey, VALID_INPUT } from "../support/intake";
import { type RunningServer, startServer } from "../support/run-server";
import { createPostgresDatabase, stopTestPostgres } from "../support/test-backends";

// Scale-out (issue 18, docs/scale-out.md): two app nodes, each a real `npm start` with its own data folder
// (two machines), on one PostgreSQL; node B runs two workers (`--workers 2`). Polling is set to a minute,
// so a publication that reaches node B within 5 s came by NOTIFY. Node's cluster hands connections to the
// workers in turn and every request here has a connection of its own, so consecutive requests to B reach
// different workers — an officer's review page from one, the send to the other.

const intakeKey = testIntakeKey();
const key: ServerKey = (loadServerKey({ envKey: intakeKey, dataDir: "/none" }) as { key: ServerKey }).key;
const folders: string[] = [];
let url: string;
let a: RunningServer;
let b: RunningServer;
let store: OpenStore;

function node(args: string[] = []): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-node-"));
  folders.push(dataDir);
  return startServer(
    {
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      INTAKE_KEY: intakeKey,
      SEED_REPORTS: "1500",
      SEED_AGENCIES: "60",
      PUBLISHED_POLL_SECONDS: "60",
    },
    ["--demo", ...args],
    150_000,
  );
}

beforeAll(async () => {
  url = await createPostgresDatabase();
  a = await node(); // the first start seeds the demo data into PostgreSQL…
  b = await node(["--workers", "2"]); // …which the second finds there
  store = await openPostgres(url);
}, 330_000);

afterAll(async () => {
  await store?.close();
  await a?.stop();
  await b?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  await stopTestPostgres(); // without testBackends() nothing else stops this file's cluster
});

/** Text of a page without its markup. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

/** The Midwest's report count in the national page's regional table, for one incident type and month. */
async function midwestReports(base: string, cookie: string): Promise<number> {
  const page = await getPage(base, "/national/summary?type=disturbance_fight&from=2024-03&to=2024-03", cookie);
  expect(page.status).toBe(200);
  const table = textOf(page.body).split("Census region Reports")[1] ?? "";
  const match = table.match(/Midwest (\d+)/);
  if (!match) throw new Error("no regional table on the national page");
  return Number(match[1]);
}

describe("two app nodes on one PostgreSQL", () => {
  it("both serve the same seeded deployment, each process from its own analytics copy", async () => {
    expect(a.output()).toMatch(/Copied the demo data into PostgreSQL/);
    expect(b.output()).not.toMatch(/Copied the demo data/);
    expect(a.output().match(/Analytics copy: \d+ rows/g)).toHaveLength(1);
    expect(b.output()).toMatch(/Starting 2 workers/);
    expect(b.output().match(/Analytics copy: \d+ rows/g)).toHaveLength(2);
    for (const node of [a, b, b]) expect((await getPage(node.url, "/reports")).status).toBe(200);
  });

  it("a session made on A works on B, and signing out on B ends it on A", async () => {
    const session = await signInOverHttp(a.url, "commander@metro.demo.closecall.test");
    const onB = await getPage(b.url, "/agency", session.cookie);
    expect(onB.status).toBe(200);
    expect(textOf(onB.body)).toContain("Metro City Police Department");
    const out = await postForm(b.url, "/sign-out", { csrf: session.csrf }, { cookie: session.cookie });
    expect(out.status).toBe(302);
    expect((await getPage(a.url, "/agency", session.cookie)).status).toBe(302); // to the sign-in page
  });

  it("sign-in limits count across both nodes", async () => {
    const email = "analyst@harbor.demo.closecall.test";
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const reply = await postForm(i % 2 ? b.url : a.url, "/sign-in", { email, password: `wrong ${i}` });
      statuses.push(reply.status);
    }
    // Five wrong passwords an account, whichever node they reach: the sixth is refused on either.
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it("a publication on A is on B's library and dashboard within 5 s", async () => {
    const analyst = await signInOverHttp(b.url, "analyst@demo.closecall.test");
    const before = await midwestReports(b.url, analyst.cookie);
    expect(await midwestReports(b.url, analyst.cookie)).toBe(before); // the other worker agrees
    const approved = await approveTestReport(store.db, key);
    const reviewer = await signInOverHttp(a.url, "reviewer1@demo.closecall.test");
    const published = await postForm(a.url, "/review/publish", { csrf: reviewer.csrf }, { cookie: reviewer.cookie });
    expect(published.status).toBe(200);
    const publishedAt = performance.now();
    const { public_number: number } = await store.db
      .selectFrom("submissions")
      .innerJoin("reports", "reports.id", "submissions.report_id")
      .select("reports.public_number")
      .where("submissions.id", "=", approved.id)
      .executeTakeFirstOrThrow();

    // Two answers in a row: both of B's workers have it.
    let inARow = 0;
    while (inARow < 2) {
      inARow = (await getPage(b.url, `/reports/${number}`)).status === 200 ? inARow + 1 : 0;
      expect(performance.now() - publishedAt).toBeLessThan(5_000);
      if (inARow === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (let i = 0; i < 2; i++) expect(await midwestReports(b.url, analyst.cookie)).toBe(before + 1);
    const search = await getPage(b.url, `/reports?q=${encodeURIComponent("pat down before paperwork")}`);
    expect(search.body).toContain(number);
  });

  it("a SIGKILL of A while officers submit loses no acknowledged submission; B goes on taking them", async () => {
    const acknowledged: { receipt: string; token: string }[] = [];
    let officer = 0;
    const submitTo = async (base: string): Promise<"ack" | "failed"> => {
      const n = ++officer;
      const token = `two-node-${n}-${Math.random().toString(36).slice(2)}`;
      const localAddress = `127.3.${Math.floor(n / 250)}.${1 + (n % 250)}`;
      const fields = { ...VALID_INPUT, narrative: `${VALID_INPUT.narrative} Token ${token}.` };
      const post = (extra: Record<string, string>) =>
        send(base, {
          method: "POST",
          path: "/report",
          localAddress,
          body: formBody({ ...fields, ...extra }).toString(),
          headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
        });
      try {
        const review = await post({ intent: "review" });
        const challenge = review.body.match(/name="challenge" value="([^"]+)"/)?.[1];
        if (!challenge) return "failed";
        const proof = await solveChallengeField(challenge);
        const sent = await post({ intent: "send", challenge, proof, website: "" });
        const receipt = sent.body.match(/aria-label="Receipt code: ([^"]+)"/)?.[1]?.replaceAll(" ", "");
        if (sent.status !== 200 || !receipt) return "failed";
        acknowledged.push({ receipt, token });
        return "ack";
      } catch {
        return "failed";
      }
    };
    // Three officers at a time on A; A is killed mid-run, requests in flight.
    const officers = Array.from({ length: 3 }, async () => {
      const outcomes: string[] = [];
      for (let i = 0; i < 6; i++) outcomes.push(await submitTo(a.url));
      return outcomes;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await a.stop("SIGKILL");
    const outcomes = (await Promise.all(officers)).flat();
    expect(outcomes).toContain("failed"); // the kill happened while they were sending
    const onA = acknowledged.length;
    expect(onA).toBeGreaterThan(0);
    // The load balancer sends the next officers to B.
    for (let i = 0; i < 3; i++) expect(await submitTo(b.url)).toBe("ack");

    for (const ack of acknowledged) {
      const submission = await findSubmissionByReceipt(store.db, key, ack.receipt);
      expect(submission, `receipt ${ack.receipt}`).toBeTruthy();
      const payload = await decryptSubmission(store.db, key, submission!.id);
      expect(payload?.narrative).toContain(ack.token);
    }
    expect(acknowledged.length).toBe(onA + 3);
  });
});

type Sent = { status: number; receipt?: string };

/** One officer's review-then-send from `localAddress`; `shift` adds a request first, to change which worker sends. */
async function submit(localAddress: string, shift: boolean): Promise<Sent> {
  const post = (extra: Record<string, string>) =>
    send(b.url, {
      method: "POST",
      path: "/report",
      localAddress,
      body: formBody({ ...VALID_INPUT, ...extra }).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
    });
  if (shift) await getPage(b.url, "/");
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
    getPage(b.url, path).then((r) => r.status),
    new Promise<string>((resolve) => setTimeout(() => resolve("no answer"), 10_000).unref()),
  ]);
}

async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms / 1000} s:\n${b.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("node B: npm start -- --workers 2", () => {
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
      send(b.url, {
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
    const pids = [...b.output().matchAll(/Worker (\d+) ready/g)];
    expect(pids.length).toBe(2);
    process.kill(Number(pids[0]![1]), "SIGKILL");
    // A connection the primary hands over at the very moment of the death is lost with the worker; once the
    // primary has noticed, every request reaches the live one.
    await waitFor(() => /Worker \d+ ended \(SIGKILL\)/.test(b.output()), "the primary noticing");
    for (let i = 0; i < 6; i++) expect(await statusOf("/reports")).toBe(200);
    await waitFor(() => [...b.output().matchAll(/Worker (\d+) ready/g)].length === 3, "a new worker");
    for (let i = 0; i < 4; i++) expect(await statusOf("/reports")).toBe(200);
  });
});
