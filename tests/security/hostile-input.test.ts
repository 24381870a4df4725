import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/synthetic/demo-accounts";
import {
  getPage,
  type HttpSession,
  postForm,
  type Reply,
  send,
  signInOverHttp,
  streamChunked,
} from "../support/http-client";
import { type RunningServer, startServer } from "../support/run-server";

// A JSON or broken multipart body to a form action, a redirectTo with CR/LF or non-ASCII
// and /api/v1/reports?page=9999 each answered 500. This posts to every route, as nobody and as three
// signed-in roles, with every kind of body a form action should not get: no answer may be a 500 or
// carry a stack.

const repo = path.resolve(import.meta.dirname, "../..");
const STACK = /\n\s+at |at [\w.<>$]+ \(|\.tsx?:\d+:\d+|node_modules|SanitizedError|Unexpected Server Error/;

const routesDir = path.join(repo, "app/routes");
const routeIds = readdirSync(routesDir)
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => f.replace(/\.tsx?$/, ""));

const PARAMS: Record<string, string[]> = {
  userId: ["6f1d5e2a-3b4c-4d5e-8f90-1a2b3c4d5e6f", "not-a-uuid'--"],
  memberId: ["6f1d5e2a-3b4c-4d5e-8f90-1a2b3c4d5e6f", "%E2%80%AE"],
  submissionId: ["6f1d5e2a-3b4c-4d5e-8f90-1a2b3c4d5e6f", "..%2F..%2Fetc"],
  publicNumber: ["2024-00001", "x%00y"],
  file: ["reports.csv", "..%2Fpackage.json"],
  "*": ["no-such-endpoint"],
};

/** Every path a route file answers, with plausible and hostile values for its parameters. */
function pathsOf(routeId: string): string[] {
  let paths = [""];
  // `[.]` escapes a dot that belongs to the segment (reports.feed[.]atom is /reports/feed.atom).
  for (const raw of routeId
    .replaceAll("[.]", "\u0000")
    .split(".")
    .filter((s) => s !== "_index" && s !== "")) {
    const segment = raw.replace(/_$/, "").replaceAll("\u0000", ".");
    const name = segment === "$" ? "*" : segment.startsWith("$") ? segment.slice(1) : null;
    const values = name ? (PARAMS[name] ?? ["x"]) : [segment];
    paths = paths.flatMap((p) => values.map((v) => `${p}/${v}`));
  }
  return paths.map((p) => p || "/");
}
const ALL_PATHS = [...new Set(routeIds.flatMap(pathsOf))].sort(
  (a, b) => Number(a === "/sign-out") - Number(b === "/sign-out"),
);

const HOSTILE_REDIRECTS = [
  "/\t/evil.example",
  "/\r\n/evil.example",
  "\r\nSet-Cookie: x=y",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example",
  "/é/ü",
  "/\u2028/x",
  "/%0d%0aLocation:%20//evil.example",
  "javascript:alert(1)",
  "/".repeat(3000),
  "\u0000",
];

const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-hostile-"));
let server: RunningServer;
const personas: Record<string, HttpSession | null> = { nobody: null };
let apiToken = "";
// Signed in only for the redirect test: the posts above sign the personas out (sign-out is posted last).
let signedInElsewhere: HttpSession;
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir, SEED_REPORTS: "200", NODE_ENV: "development" });
  personas.reviewer = await signInOverHttp(server.url, "reviewer1@demo.closecall.test");
  personas.administrator = await signInOverHttp(server.url, "admin@demo.closecall.test");
  personas.commander = await signInOverHttp(server.url, "commander@metro.demo.closecall.test");
  const tokenPage = await postForm(
    server.url,
    "/agency/api-tokens",
    { csrf: personas.commander.csrf, intent: "create", name: "Hostile input", days: "30", confirm: DEMO_PASSWORD },
    { cookie: personas.commander.cookie },
  );
  apiToken = tokenPage.body.match(/ccapi_[A-Za-z0-9_-]{43}/)![0];
  signedInElsewhere = await signInOverHttp(server.url, "analyst@demo.closecall.test");
}, 180_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const problems: string[] = [];
beforeEach(() => {
  problems.length = 0;
});
function check(label: string, reply: Reply): void {
  if (reply.status >= 500) problems.push(`${label}: ${reply.status} ${reply.body.slice(0, 200)}`);
  else if (STACK.test(reply.body) || reply.body.includes(repo))
    problems.push(`${label}: a stack or path in the body: ${reply.body.match(STACK)?.[0]}`);
}

function bodiesFor(who: HttpSession | null): { name: string; contentType?: string; body: string }[] {
  const csrf = who?.csrf ?? "";
  return [
    {
      name: "JSON",
      contentType: "application/json",
      body: JSON.stringify({ csrf, intent: "invite", email: "a@b.test", redirectTo: "//evil.example" }),
    },
    { name: "JSON array", contentType: "application/json", body: "[1,2," },
    {
      name: "broken multipart",
      contentType: "multipart/form-data; boundary=zzz",
      body: `--zzz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}`,
    },
    { name: "multipart without boundary", contentType: "multipart/form-data", body: "csrf=x" },
    {
      name: "multipart, wrong boundary",
      contentType: "multipart/form-data; boundary=aaa",
      body: `--bbb\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--bbb--\r\n`,
    },
    { name: "text", contentType: "text/plain", body: `csrf=${csrf}&intent=x` },
    { name: "no content type", body: "" },
    {
      name: "XML",
      contentType: "application/xml",
      body: "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
    },
    {
      name: "form with odd bytes",
      contentType: "application/x-www-form-urlencoded",
      body: `csrf=${csrf}&intent=%FF%FE&email=%00&code=%E2%80%AE&name[]=1&days=1e999&role=__proto__&redirectTo=%0d%0a`,
    },
  ];
}

describe("hostile input to every route (issue 15 item 5)", () => {
  it(`posts bad content types and broken bodies to all ${ALL_PATHS.length} paths as nobody and 3 roles`, async () => {
    for (const [persona, who] of Object.entries(personas)) {
      for (const pathname of ALL_PATHS) {
        for (const variant of bodiesFor(who)) {
          const reply = await send(server.url, {
            method: "POST",
            path: pathname,
            body: variant.body,
            headers: {
              "Sec-Fetch-Site": "same-origin",
              ...(variant.contentType ? { "Content-Type": variant.contentType } : {}),
              ...(who ? { Cookie: who.cookie } : {}),
            },
          });
          check(`${persona} POST ${pathname} (${variant.name})`, reply);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("streams a huge chunked body to every path: a 413, never a 500", async () => {
    for (const pathname of ALL_PATHS) {
      const reply = await streamChunked(server.url, pathname, 6 * 1024 * 1024, { Cookie: personas.commander!.cookie });
      expect(reply.status, pathname).toBe(413);
      check(`chunked ${pathname}`, reply);
    }
    expect(problems).toEqual([]);
  });

  it("sends hostile redirectTo values to the sign-in pages, as query and as form field", async () => {
    for (const redirectTo of HOSTILE_REDIRECTS) {
      for (const page of ["/sign-in", "/sign-in/mfa", "/sign-in/enrol"]) {
        const query = `${page}?redirectTo=${encodeURIComponent(redirectTo)}`;
        for (const who of [null, signedInElsewhere]) {
          const reply = await getPage(server.url, query, who?.cookie);
          check(`GET ${query}`, reply);
          if (reply.headers.location)
            expect(new URL(reply.headers.location, server.url).origin).toBe(new URL(server.url).origin);
        }
      }
      const posted = await postForm(server.url, "/sign-in", {
        email: "nobody@example.test",
        password: "not the password at all",
        redirectTo,
      });
      check(`POST /sign-in redirectTo=${JSON.stringify(redirectTo)}`, posted);
      // As literally as an HTTP client can send it: only what cannot go on the request line is escaped.
      const raw = await send(server.url, {
        path: `/sign-in?redirectTo=${redirectTo.replace(/[^\x21-\xff]/gu, (c) => encodeURIComponent(c))}`,
      });
      check(`GET /sign-in?redirectTo=${JSON.stringify(redirectTo)} (raw)`, raw);
    }
    // The signed-in session was still signed in: a hostile value was really offered to the redirect.
    expect((await getPage(server.url, "/account", signedInElsewhere.cookie)).status).toBe(200);
    expect(problems).toEqual([]);
  });

  it("asks the data API for pages and sizes out of range", async () => {
    for (const query of [
      "page=9999",
      "page=0",
      "page=-1",
      "page=abc",
      "size=100000",
      "size=0",
      "page=1e9",
      "from=2024-13&to=x",
      "page=9999&size=100",
    ]) {
      const reply = await send(server.url, {
        path: `/api/v1/reports?${query}`,
        headers: { Authorization: `Bearer ${apiToken}` },
      });
      expect(reply.status, query).toBeLessThan(500);
      check(`GET /api/v1/reports?${query}`, reply);
    }
    const last = await send(server.url, {
      path: "/api/v1/reports?page=9999",
      headers: { Authorization: `Bearer ${apiToken}` },
    });
    expect(JSON.parse(last.body).data).toEqual([]);
    expect(problems).toEqual([]);
  });
});
