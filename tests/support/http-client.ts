import http from "node:http";
import { currentTotp } from "../../db/accounts/mfa";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../db/synthetic/demo-accounts";

// Plain HTTP against a running server (tests/support/run-server.ts), for what fetch cannot do: choose
// the source address, send hostile bodies, see every header. Node's http client never follows redirects.
// Each request has a connection of its own (no keep-alive agent), so a request a server answered early
// (413) can never leave bytes on a connection that the next request would reuse.

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A loopback address of its own (127.x.y.z), so the server sees another client. */
  localAddress?: string;
}

export function send(base: string, request: RawRequest): Promise<Reply> {
  const url = new URL(base);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: request.path,
        method: request.method ?? "GET",
        localAddress: request.localAddress,
        agent: false,
        headers: { ...(body ? { "Content-Length": String(body.length) } : {}), ...request.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** A urlencoded form post, as a same-origin browser form sends it. */
export function postForm(
  base: string,
  path: string,
  fields: Record<string, string>,
  options: { cookie?: string; localAddress?: string } = {},
): Promise<Reply> {
  return send(base, {
    method: "POST",
    path,
    body: new URLSearchParams(fields).toString(),
    localAddress: options.localAddress,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Sec-Fetch-Site": "same-origin",
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
  });
}

export function getPage(base: string, path: string, cookie?: string): Promise<Reply> {
  return send(base, { path, headers: cookie ? { Cookie: cookie } : {} });
}

export function hiddenField(html: string, name: string): string {
  const match = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!match) throw new Error(`The page has no hidden field ${name}`);
  return match[1]!;
}

export function sessionCookieOf(reply: Reply): string {
  const header = [reply.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("__Host-closecall_session="));
  if (!header) throw new Error(`No session cookie in the reply (status ${reply.status})`);
  return header.split(";")[0]!;
}

export interface HttpSession {
  cookie: string;
  csrf: string;
}

/** The password step of a demo account: a pending session and the CSRF token of the second-factor page. */
export async function passwordStep(base: string, email: string, localAddress?: string): Promise<HttpSession> {
  const reply = await postForm(base, "/sign-in", { email, password: DEMO_PASSWORD }, { localAddress });
  if (reply.status !== 302)
    throw new Error(`Password step for ${email} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  const cookie = sessionCookieOf(reply);
  const page = await getPage(base, reply.headers.location!, cookie);
  return { cookie, csrf: hiddenField(page.body, "csrf") };
}

/** Both factors of a demo account over HTTP (a TOTP code signs an account in once: one call per account and step). */
export async function signInOverHttp(base: string, email: string): Promise<HttpSession> {
  const pending = await passwordStep(base, email);
  const reply = await postForm(
    base,
    "/sign-in/mfa",
    { csrf: pending.csrf, kind: "totp", code: await currentTotp(DEMO_TOTP_SECRET) },
    { cookie: pending.cookie },
  );
  if (reply.status !== 302) throw new Error(`Second factor for ${email} answered ${reply.status}`);
  const cookie = sessionCookieOf(reply);
  const account = await getPage(base, "/account", cookie);
  return { cookie, csrf: hiddenField(account.body, "csrf") };
}

export interface StreamedReply extends Reply {
  /** Bytes the client had written when the response started: what the server let in before answering. */
  sentBeforeAnswer: number;
}

/**
 * Streams `totalBytes` of form-looking data with chunked transfer coding (no Content-Length), as fast as
 * the server reads it, and stops writing once the server answers.
 */
export function streamChunked(
  base: string,
  path: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<StreamedReply> {
  const url = new URL(base);
  const chunk = Buffer.from(`a=${"x".repeat(64 * 1024 - 2)}`);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: "POST",
        agent: false,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Transfer-Encoding": "chunked",
          "Sec-Fetch-Site": "same-origin",
          ...headers,
        },
      },
      (res) => {
        answered = true;
        const sentBeforeAnswer = sent;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          req.destroy();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            sentBeforeAnswer,
          });
        });
      },
    );
    // Once the server closes the connection mid-upload, further writes fail: expected, not an error.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
