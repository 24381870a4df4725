import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "../../support/browser";
import { type AppServer, startAppServer } from "./app-server";

/**
 * A browser test file's server (its own DATA_DIR, demo data) and Chromium, started together before the
 * file's tests and stopped after them. `use` receives both once they run.
 */
export function withServerAndBrowser(
  use: (server: AppServer, browser: Browser) => void,
  env: Record<string, string> = {},
): void {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(env), launchBrowser()]);
    use(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
