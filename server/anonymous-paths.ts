/**
 * Paths an anonymous officer uses to report or follow up (DESIGN §6.1–6.2). The request logger skips
 * them entirely and they get the strictest headers. Anything added to intake must be listed here.
 */
export const ANONYMOUS_PATH_PREFIXES = ["/report", "/receipt"] as const;

export function isAnonymousPath(pathname: string): boolean {
  return ANONYMOUS_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`) || pathname.startsWith(`${prefix}.`));
}
