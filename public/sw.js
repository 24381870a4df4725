/* Close Call's service worker: the report form without a connection (issue 10, DESIGN §6).
 *
 * Installed only when the officer asks for it (the "Open this form without a connection" option on the
 * report form, or installing the app), because its cache is browser storage. What it keeps:
 *   - the report form page, fetched without cookies, so it never holds a session;
 *   - the build files that page loads (scripts, styles), and the app's icons and manifest.
 * What it never keeps: any other page, any answer from the server (Remix ".data" requests, posts),
 * anything fetched with a session. It stores nothing the officer typed: an offline report lives in the
 * page, and on the device only in the opt-in draft (app/intake/device-draft.ts).
 *
 * The page registers it as /sw.js?v=<build version>; a new build means a new script URL, so the browser
 * installs the new worker, which saves the new form and deletes the old cache.
 */
const VERSION = new URL(self.location.href).searchParams.get("v") || "unversioned";
const CACHE_PREFIX = "closecall-offline-";
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const FORM = "/report";
const APP_FILES = ["/manifest.webmanifest", "/favicon.svg", "/icons/icon.svg", "/icons/icon-192.png"];
/** Pages the worker answers for when the network is gone; every other request is left alone. */
const OFFLINE_PAGES = new Set([FORM, "/", "/receipt"]);

/** Same-origin build files a page refers to: stylesheets, module preloads and the inline imports. */
function buildFilesIn(html) {
  const files = new Set();
  for (const match of html.matchAll(/["'](\/build\/[^"'?#\s]+)["']/g)) files.add(match[1]);
  return [...files];
}

/** Requests of the worker's own: never with cookies, never from the HTTP cache's stale copy of a page. */
function plainRequest(path) {
  return new Request(path, { credentials: "omit", redirect: "error" });
}

async function saveForm() {
  const form = await fetch(new Request(FORM, { credentials: "omit", redirect: "error", cache: "no-store" }));
  if (!form.ok) throw new Error(`The report form answered ${form.status}: not saved for offline use.`);
  const files = [...buildFilesIn(await form.clone().text()), ...APP_FILES];
  const cache = await caches.open(CACHE);
  try {
    // Each body is stored as soon as it arrives: unread bodies would hold the browser's few connections
    // per host while the other requests wait for one.
    await Promise.all(
      files.map(async (file) => {
        const response = await fetch(plainRequest(file));
        if (!response.ok) throw new Error(`${file} answered ${response.status}: not saved for offline use.`);
        await cache.put(file, response);
      }),
    );
    // The page keeps its own headers: its CSP nonce matches the nonce in that copy of the page.
    await cache.put(FORM, form);
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(saveForm().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

const STYLE_FILES = /^\/build\/_assets\/(app|site-header|intake)-[^/]+\.css$/;

/** Shown for the app's start page or the receipt page when there is no network. */
async function offlinePage(cache) {
  const styles = (await cache.keys())
    .map((request) => new URL(request.url).pathname)
    .filter((path) => STYLE_FILES.test(path));
  const formSaved = Boolean(await cache.match(FORM));
  const formNote = formSaved
    ? "The report form is saved on this device and works without one: " +
      "you can write your report now and send it when you are back online."
    : "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>No connection — Close Call</title>
${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join("\n")}
</head>
<body>
<header class="site-header"><div class="site-header-inner">
<a class="brand" href="/" aria-label="Close Call home"><span class="brand-mark" aria-hidden="true">◆</span>
Close Call</a>
</div></header>
<main id="main" class="page narrow" aria-labelledby="offline-title">
<h1 id="offline-title">No connection</h1>
<p>This page needs a connection. ${formNote}</p>
${formSaved ? '<p><a class="button primary" href="/report">Open the report form</a></p>' : ""}
</main>
</body>
</html>`;
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    },
  });
}

async function navigate(request, path) {
  try {
    return await fetch(request);
  } catch {
    // Only a network failure lands here (a server error is a response): answer from the device.
    const cache = await caches.open(CACHE);
    if (path === FORM) {
      const form = await cache.match(FORM);
      if (form) return form;
    }
    return offlinePage(cache);
  }
}

async function fromCacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreVary: true })) ?? fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // A query string is left to the network: the form is saved only as /report itself.
    if (OFFLINE_PAGES.has(url.pathname) && url.search === "") event.respondWith(navigate(request, url.pathname));
    return;
  }
  if (url.pathname.startsWith("/build/") || APP_FILES.includes(url.pathname))
    event.respondWith(fromCacheFirst(request));
});
