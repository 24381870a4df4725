// The installable app's service worker, seen from the page (public/sw.js does the caching). It is
// registered only when the officer asks for it, because its cache is browser storage (docs/design.md §6.2):
// by the report form's offline option, or by installing the app. Browser-only; call from effects.

const SCRIPT = "/sw.js";
const CACHE_PREFIX = "closecall-offline-";

export function offlineAppSupported(): boolean {
  return typeof window !== "undefined" && window.isSecureContext && "serviceWorker" in navigator && "caches" in window;
}

/** The build's version: a new build registers a new worker script, which saves the new form. */
function scriptUrl(): string {
  const version = (window as unknown as { __remixManifest?: { version?: string } }).__remixManifest?.version ?? "dev";
  return `${SCRIPT}?v=${encodeURIComponent(version)}`;
}

export async function offlineAppEnabled(): Promise<boolean> {
  if (!offlineAppSupported()) return false;
  return Boolean(await navigator.serviceWorker.getRegistration("/"));
}

/** Resolves once the worker has saved the form and is active; rejects if saving failed. */
export async function enableOfflineApp(): Promise<void> {
  const registration = await navigator.serviceWorker.register(scriptUrl(), { scope: "/" });
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker) throw new Error("No service worker to wait for.");
  if (worker.state === "activated") return;
  await new Promise<void>((resolve, reject) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
      if (worker.state === "redundant") reject(new Error("The form could not be saved for offline use."));
    });
  });
}

/** Removes the worker and everything it saved. */
export async function disableOfflineApp(): Promise<void> {
  for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
}

/**
 * On every page: keeps an existing worker on the current build, and turns offline use on at the moment
 * the person installs the app (an explicit choice to keep it on the device). Never registers otherwise,
 * so turning offline use off stays off, in the installed app too.
 */
export function keepOfflineAppCurrent(): () => void {
  if (!offlineAppSupported()) return () => undefined;
  const onInstalled = () => void enableOfflineApp().catch(() => undefined);
  window.addEventListener("appinstalled", onInstalled);
  void (async () => {
    const registration = await navigator.serviceWorker.getRegistration("/");
    const current =
      registration?.active?.scriptURL ?? registration?.waiting?.scriptURL ?? registration?.installing?.scriptURL;
    if (current && !current.endsWith(scriptUrl())) await enableOfflineApp();
  })().catch(() => undefined);
  return () => window.removeEventListener("appinstalled", onInstalled);
}
