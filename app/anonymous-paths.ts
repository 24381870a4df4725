/**
 * Paths an anonymous officer uses to report or follow up (DESIGN §6.1–6.2). The request logger skips
 * them entirely and they get the strictest headers. Anything added to intake must be listed here.
 * `/report.data` and `/receipt.data` (Remix single-fetch posts) match through the "." rule.
 */
export const ANONYMOUS_PATH_PREFIXES = ["/report", "/receipt"] as const;

/**
 * Build files only the anonymous pages load (their route modules and intake's stylesheet): a log line
 * for them would say when someone opened the report form. Matched with or without the /build mount,
 * since Express strips the mount from the path before the log line is written.
 */
const ANONYMOUS_ASSETS = /^(\/build)?\/(routes\/(report|receipt)[-.]|_assets\/intake-)/;

/**
 * Files of the installable app (issue 10) that a browser fetches from the report form too: the service
 * worker (registration and update checks), the manifest, the icons and the favicon.
 */
const APP_FILES = /^\/(sw\.js|manifest\.webmanifest|favicon\.svg|icons\/)/;

export function isAnonymousPath(pathname: string): boolean {
  return (
    ANONYMOUS_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`) || pathname.startsWith(`${prefix}.`)) ||
    ANONYMOUS_ASSETS.test(pathname) ||
    APP_FILES.test(pathname)
  );
}
