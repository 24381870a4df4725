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
import { createPostgresDatabase } from "../support/test-backends";

// Scale-out (issue 18, docs/scale-out.md): two app nodes, each a real `npm start` with its own data folder
// (two machines), on one PostgreSQL. Polling is set to a minute, so a publication that reaches node B
// within 5 s came by NOTIFY.

const intakeKey = testIntakeKey();
const key: ServerKey = (loadServerKey({ envKey: intakeKey, dataDir: "/none" }) as { key: ServerKey }).key;
const folders: string[] = [];
let url: string;
let a: RunningServer;
let b: RunningServer;
let store: OpenStore;

function node(): Promise<RunningServer> {
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
    ["--demo"],
    150_000,
  );
}

beforeAll(async () => {
  url = await createPostgresDatabase();
  a = await node(); // the first start seeds the demo data into PostgreSQL…
  b = await node(); // …which the second finds there
  store = await openPostgres(url);
}, 330_000);

afterAll(async () => {
  await store?.close();
  await a?.stop();
  await b?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
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
  it("both serve the same seeded deployment, each from its own analytics copy", async () => {
    expect(a.output()).toMatch(/Copied the demo data into PostgreSQL/);
    expect(b.output()).not.toMatch(/Copied the demo data/);
    for (const node of [a, b]) {
      expect(node.output()).toMatch(/Analytics copy: \d+ rows/);
      expect((await getPage(node.url, "/reports")).status).toBe(200);
    }
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

    let onB = 0;
    while ((await getPage(b.url, `/reports/${number}`)).status !== 200) {
      expect(performance.now() - publishedAt).toBeLessThan(5_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    onB = performance.now() - publishedAt;
    expect(onB).toBeLessThan(5_000);
    expect(await midwestReports(b.url, analyst.cookie)).toBe(before + 1);
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
