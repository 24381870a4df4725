/**
 * Paths an anonymous officer uses to report or follow up (docs/design.md §6, §6.2). The request logger skips
 * them entirely and they get the strictest headers. Anything added to intake must be listed here.
 * `/report.data` and `/receipt.data` (Remix single-fetch posts) match through the "." rule.
 */
export const ANONYMOUS_PATH_PREFIXES = ["/report", "/receipt"] as const;

/**
 * Build files only the anonymous pages load (their route modules and intake's stylesheet): a log line
 * for them would say when someone opened the report form. Matched with or without the /build mount,
 * since Express strips the mount from the path before the log line is written.
 */
const ANONYMOUS_ASSETS = /^(\/build)?\/(routes\/(report|receipt)[-.]|_assets\/intake-)/i;

/**
 * Files of the installable app that a browser fetches from the report form too: the service
 * worker (registration and update checks), the manifest, the icons and the favicon.
 */
const APP_FILES = /^\/(sw\.js|manifest\.webmanifest|favicon\.svg|icons\/)/i;

/**
 * A path as the router and the static files see it: percent-escapes decoded, dot segments resolved,
 * case folded. `/Report`, `/REPORT`, `/%72eport` and `/./report` all serve the report form,
 * so every check on a raw path would let them through as something else.
 */
export function foldedPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape is matched as written: no route decodes it either.
  }
  try {
    return new URL(decoded, "http://path.invalid").pathname.toLowerCase();
  } catch {
    return decoded.toLowerCase();
  }
}

function isAnonymousPage(folded: string): boolean {
  return ANONYMOUS_PATH_PREFIXES.some(
    (prefix) => folded === prefix || folded.startsWith(`${prefix}/`) || folded.startsWith(`${prefix}.`),
  );
}

export function isAnonymousPath(pathname: string): boolean {
  const folded = foldedPath(pathname);
  return isAnonymousPage(folded) || ANONYMOUS_ASSETS.test(folded) || APP_FILES.test(folded);
}

/**
 * The one spelling of an intake page's path (`/report`, `/receipt.data`, …) when `pathname` is another
 * spelling of it, else null. The server redirects those before anything else sees the request.
 */
export function canonicalAnonymousPage(pathname: string): string | null {
  const folded = foldedPath(pathname);
  if (!isAnonymousPage(folded)) return null;
  const canonical = folded.length > 1 && folded.endsWith("/") ? folded.slice(0, -1) : folded;
  return canonical === pathname ? null : canonical;
}
