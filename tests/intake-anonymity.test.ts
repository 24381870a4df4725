import { readdirSync, readFileSync, rmSync, statSync, mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadServerKey, keyFilePath, type ServerKey } from "../db/intake/server-key";
import { decryptSubmission, findSubmissionByReceipt } from "../db/intake/submission-repository";
import { openDatabase } from "../db/open";
import { formBody, solveChallengeField, VALID_INPUT, type FormFields } from "./support/intake";
import { startServer, type RunningServer } from "./support/run-server";

// docs/design.md §6, §6.2 and §6.4 against the real server: distinctive address, User-Agent and Referer must
// appear in no file under DATA_DIR and nowhere in the server's output; the receipt is only shown once
// the submission is durable (the process is killed with SIGKILL right after the receipt response).

const CANARY = {
  address: "127.77.13.9", // a loopback address of its own, so the client's address is recognisable
  userAgent: "UA-intake-canary-5e1f/9.9",
  referer: "https://referer-canary-5e1f.example/where-i-came-from",
  forwardedFor: "198.51.100.231",
};
const NARRATIVE = `${VALID_INPUT.narrative} Plaintext canary 77e2c.`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "closecall-anon-"));
  dirs.push(dir);
  return dir;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request from the canary address with the canary headers (fetch cannot choose its source address). */
function request(
  base: string,
  method: "GET" | "POST",
  pathname: string,
  fields?: FormFields,
  extraHeaders: Record<string, string> = {},
): Promise<Reply> {
  const body = fields ? formBody(fields).toString() : undefined;
  const url = new URL(pathname, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        localAddress: CANARY.address,
        headers: {
          "User-Agent": CANARY.userAgent,
          Referer: CANARY.referer,
          "X-Forwarded-For": CANARY.forwardedFor,
          "Sec-Fetch-Site": "same-origin",
          ...(body
            ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) }
            : {}),
          ...extraHeaders,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

function hiddenField(html: string, name: string): string {
  const match = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!match) throw new Error(`no hidden field ${name}`);
  return match[1]!;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function expectStrictHeaders(reply: Reply): void {
  expect(reply.headers["set-cookie"]).toBeUndefined();
  expect(reply.headers["cache-control"]).toBe("no-store");
  expect(reply.headers["referrer-policy"]).toBe("no-referrer");
  const csp = String(reply.headers["content-security-policy"]);
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).not.toMatch(/https?:|\*/);
  const permissions = String(reply.headers["permissions-policy"]);
  for (const sensor of [
    "accelerometer",
    "gyroscope",
    "magnetometer",
    "geolocation",
    "camera",
    "microphone",
    "ambient-light-sensor",
  ]) {
    expect(permissions).toContain(`${sensor}=()`);
  }
}

function expectNoThirdPartyUrls(html: string): void {
  const urls = [...html.matchAll(/(?:src|href|action)="([^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(3);
  expect(urls.filter((u) => /^(https?:)?\/\//.test(u))).toEqual([]);
}

describe("anonymous intake against the real server", () => {
  it("keeps no address, User-Agent, Referer or timing, sets no cookie, and the receipt survives kill -9", async () => {
    const dataDir = tempDir();
    const server: RunningServer = await startServer({ DATA_DIR: dataDir, NODE_ENV: "production" });
    let receiptCode = "";
    try {
      expect(statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600); // created on first start
      const form = await request(server.url, "GET", "/report");
      expect(form.status).toBe(200);
      expectStrictHeaders(form);
      expectNoThirdPartyUrls(form.body);
      expect(form.body).toMatch(/personal device on a non-agency network/);

      const receiptPage = await request(server.url, "GET", "/receipt");
      expect(receiptPage.status).toBe(200);
      expectStrictHeaders(receiptPage);
      const lookup = await request(server.url, "POST", "/receipt", { intent: "check", code: "NOT-A-CODE" });
      expect(lookup.status).toBe(400);
      expectStrictHeaders(lookup);

      const fields = { ...VALID_INPUT, narrative: NARRATIVE };
      const reviewed = await request(server.url, "POST", "/report", { ...fields, intent: "review" });
      expect(reviewed.status).toBe(200);
      expectStrictHeaders(reviewed);
      const challenge = hiddenField(reviewed.body, "challenge");
      const sent = await request(server.url, "POST", "/report", {
        ...fields,
        intent: "send",
        challenge,
        proof: await solveChallengeField(challenge),
        website: "",
      });
      expect(sent.status).toBe(200);
      expectStrictHeaders(sent);
      const groups =
        sent.body.match(/class="receipt-code"[^>]*>(.*?)<\/p>/)?.[1]?.match(/<span>([0-9A-Z]{4})<\/span>/g) ?? [];
      receiptCode = groups.map((g) => g.slice(6, 10)).join("-");
      expect(receiptCode).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
      // Crash right after the officer saw the receipt.
      expect(await server.stop("SIGKILL")).toBeNull();
    } finally {
      if (server.process.exitCode === null && server.process.signalCode === null) await server.stop("SIGKILL");
    }

    // Nothing identifying anywhere under DATA_DIR (database, WAL, key file) or in what the server printed.
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith(".duckdb"))).toBe(true);
    const haystacks = [
      ...files.map((f) => ({ where: f, bytes: readFileSync(f) })),
      { where: "server output", bytes: Buffer.from(server.output()) },
    ];
    for (const { where, bytes } of haystacks) {
      for (const canary of [
        ...Object.values(CANARY),
        "Plaintext canary 77e2c",
        receiptCode,
        receiptCode.replace(/-/g, ""),
      ]) {
        for (const encoding of ["utf8", "utf16le"] as const) {
          expect(bytes.includes(Buffer.from(canary, encoding)), `${canary} (${encoding}) found in ${where}`).toBe(
            false,
          );
        }
      }
    }
    expect(server.output()).not.toMatch(/\/report|\/receipt/); // not even a method/path/time line

    // The submission is there after the crash, and readable with the key file.
    const key = (loadServerKey({ envKey: undefined, dataDir }) as { key: ServerKey }).key;
    const database = await openDatabase({ location: path.join(dataDir, "closecall.duckdb") });
    try {
      const submission = await findSubmissionByReceipt(database.db, key, receiptCode);
      expect(submission?.status).toBe("received");
      expect((await decryptSubmission(database.db, key, submission!.id))?.narrative).toBe(NARRATIVE);
    } finally {
      await database.close();
    }
  });

  it("states the 1 MB limit plainly, and closes intake and receipts (503) without a usable key", async () => {
    const dataDir = tempDir();
    const server = await startServer({
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      INTAKE_KEY: Buffer.alloc(32, 9).toString("base64"),
    });
    try {
      expect(server.output()).toMatch(/Intake is CLOSED/);
      for (const pathname of ["/report", "/receipt"]) {
        const closed = await request(server.url, "GET", pathname);
        expect(closed.status).toBe(503);
        expect(closed.body).toMatch(/encryption key is missing or not safe to use/);
        expectStrictHeaders(closed);
      }
      const tooBig = await request(server.url, "POST", "/report", {
        intent: "review",
        narrative: "x".repeat(1024 * 1024 + 1),
      });
      expect(tooBig.status).toBe(413);
      expect(tooBig.body).toMatch(/larger than 1 MB/);
      const home = await request(server.url, "GET", "/"); // the rest of the site still works
      expect(home.status).toBe(200);
    } finally {
      await server.stop("SIGTERM");
    }
    expect(server.output()).not.toContain(CANARY.userAgent);
  });
});
