import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { isAnonymousPath } from "../../app/anonymous-paths";
import type { AppContext } from "../../app/load-context";
import { type CompressedPage, compressPage, gzipWith, type HoleValues, textWith } from "./compressed-page";
import { PageStore } from "./page-store";

/** What the server hands the views (a request's context without its nonce). */
export type ServerContext = Omit<AppContext, "cspNonce">;

/**
 * Whom a kept page may be shown to. Anonymous pages are shared by every viewer without a session; a
 * signed-in viewer's page is theirs alone (their id is in the key) and the values of their session (the
 * CSRF token) are put in per response, like the nonce, so one session never sees another's.
 */
export type ViewerClass =
  | { kind: "anonymous" }
  | {
      kind: "user";
      id: string;
      /** Everything else of the viewer the page shows or depends on (role, agency, name). */
      facts: string;
      /** Per-session values in the page, by name: each response gets its own session's. */
      secrets: HoleValues;
    };

/** A page that may be kept: which path, how to know its data changed, and its key for one request. */
export interface PageView {
  /** The page's path, matched exactly. */
  path: string;
  /**
   * The version of the data the page shows (read before the page is rendered): pages of older versions are never
   * served.
   */
  dataVersion(context: ServerContext): Promise<string>;
  /** The page's normalised query and the viewer's class, or null to render this request afresh and keep nothing. */
  key(request: Request, context: ServerContext): Promise<{ query: string; viewer: ViewerClass } | null>;
}

export interface CachedPage extends CompressedPage {
  /** Headers the app set on the page (its content type, …), replayed on every response. */
  headers: [string, string | string[]][];
}

/** At most this much memory for kept pages: ~800 library pages (~83 KiB each: the text and its gzip runs). */
export const PAGE_CACHE_BUDGET_BYTES = 64 * 1024 * 1024;

/** Headers that describe one response's transfer, not the page. */
const TRANSFER_HEADERS = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "vary",
  "connection",
  "keep-alive",
  "date",
]);

/**
 * Serves kept pages for the given views: the page rendered once per key (path, normalised query, data
 * version, viewer class) and compressed once, with each response's own CSP nonce (and session values)
 * put in. Everything else goes on to Remix untouched. Intake pages are refused outright (docs/design.md §6:
 * nothing about them may be kept, and their responses stay `no-store`).
 */
export function pageCache(options: {
  views: readonly PageView[];
  context: ServerContext;
  store?: PageStore<CachedPage>;
}): RequestHandler {
  const { views, context } = options;
  const store = options.store ?? new PageStore<CachedPage>(PAGE_CACHE_BUDGET_BYTES);
  for (const view of views) {
    if (isAnonymousPath(view.path)) throw new Error(`${view.path} is an intake page: it is never cached`);
  }
  const byPath = new Map(views.map((view) => [view.path, view]));
  return (req, res, next) => {
    const view = req.method === "GET" ? byPath.get(req.path) : undefined;
    const nonce = res.locals.cspNonce as string | undefined;
    if (!view || !nonce || isAnonymousPath(req.path)) return next();
    let handedOn = false;
    const handOn = () => {
      if (handedOn) return;
      handedOn = true;
      next();
    };
    // A view that cannot say what the page depends on (say, the database is busy) leaves it to Remix.
    serveKept(view, context, store, nonce, req, res, handOn).catch(handOn);
  };
}

async function serveKept(
  view: PageView,
  context: ServerContext,
  store: PageStore<CachedPage>,
  nonce: string,
  req: ExpressRequest,
  res: ExpressResponse,
  next: () => void,
): Promise<void> {
  const request = new Request(new URL(req.originalUrl, "http://localhost"), {
    headers: req.headers.cookie ? { cookie: req.headers.cookie } : {},
  });
  const [version, found] = await Promise.all([view.dataVersion(context), view.key(request, context)]);
  if (!found) return next();
  const viewer = found.viewer.kind === "anonymous" ? "anonymous" : `user ${found.viewer.id} ${found.viewer.facts}`;
  const key = `${view.path}\n${found.query}\n${version}\n${viewer}`;
  const values: HoleValues = { ...(found.viewer.kind === "user" ? found.viewer.secrets : {}), nonce };
  let kept = store.get(key);
  const rendering = kept ? undefined : store.rendering(key);
  if (rendering) kept = (await rendering) ?? undefined;
  if (kept) {
    store.counts.hits++;
    return send(req, res, kept, values);
  }
  if (rendering) return next(); // the render this one waited for could not be kept: render it too
  store.counts.misses++;
  keepWhatIsSent(res, values, store.beginRender(key));
  next();
}

function send(req: ExpressRequest, res: ExpressResponse, page: CachedPage, values: HoleValues): void {
  res.status(200);
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.vary("Accept-Encoding");
  const gzip = req.headers["accept-encoding"] !== undefined && req.acceptsEncodings("gzip", "identity") === "gzip";
  const body = gzip ? gzipWith(page, values) : textWith(page, values);
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

/**
 * Watches what Remix writes for this response (before compression) and keeps it when it is a plain
 * 200 HTML page that sets no cookie and carries the request's values only where holes can be cut.
 */
function keepWhatIsSent(res: ExpressResponse, values: HoleValues, done: (page: CachedPage | null) => void): void {
  const before = new Map(Object.entries(res.getHeaders()));
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string")
      chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ExpressResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ExpressResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") collect(chunk, rest[0]);
    return (end as (...args: unknown[]) => ExpressResponse).call(this, chunk, ...rest);
  } as typeof res.end;
  res.on("close", () => done(null)); // ended early (client gone) unless finish came first
  res.on("finish", () => {
    try {
      done(pageOf(res, before, Buffer.concat(chunks).toString("utf8"), values));
    } catch {
      done(null);
    }
  });
}

function pageOf(
  res: ExpressResponse,
  before: Map<string, unknown>,
  html: string,
  values: HoleValues,
): CachedPage | null {
  const type = String(res.getHeader("content-type") ?? "");
  if (res.statusCode !== 200 || !type.startsWith("text/html") || res.getHeader("set-cookie") !== undefined) return null;
  const headers: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (TRANSFER_HEADERS.has(name) || value === undefined || before.get(name) === value) continue;
    headers.push([name, Array.isArray(value) ? value : String(value)]);
  }
  // A header the app added with a per-response value in it would be replayed to others: keep nothing.
  const secrets = Object.values(values);
  if (headers.some(([, v]) => secrets.some((s) => String(v).includes(s)))) return null;
  return { ...compressPage(html, values), headers };
}
