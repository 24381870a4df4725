import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";
import { describe, it } from "vitest";

/**
 * The real browser of the end-to-end tests: Debian's chromium driven by playwright-core, never a
 * downloaded browser. Missing outside CI, the browser tests are skipped with a loud message (a
 * developer without chromium can still run the rest); with CI=true a missing browser fails the run.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
export const browserAvailable = existsSync(CHROMIUM_PATH);
const inCi = process.env.CI === "true";

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

function warnLoudly(suite: string) {
  const line = "!".repeat(100);
  process.stderr.write(
    `\n${line}\n!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM_PATH} ("${suite}").\n` +
      `!! Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH. In CI (CI=true) this is a ` +
      `failure.\n${line}\n\n`,
  );
}

/** `describe` for suites that need the browser: skipped loudly without one, failed in CI without one. */
export function describeInBrowser(name: string, body: () => void): void {
  if (browserAvailable) {
    describe(name, body);
  } else if (inCi) {
    describe(name, () => {
      it("needs Chromium", () => {
        throw new Error(`CI=true and no Chromium at ${CHROMIUM_PATH}: .ci/run installs Debian's chromium package.`);
      });
    });
  } else {
    warnLoudly(name);
    describe.skip(name, body);
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A context with a profile on disk: what Chromium needs before it calls a page installable. */
export function launchPersistentContext(
  userDataDir: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ...options,
  });
}
