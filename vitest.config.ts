import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["{app,domain,db,analytics,exports,orchestration,server,cli,tests}/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "build/**", "public/build/**"],
    environment: "node",
    globals: true,
    pool: "forks",
    // Two test files at a time, also on a two-core machine (vitest's default there is one): many files
    // spend their time waiting on a browser or a server they started.
    maxWorkers: 2,
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/audit-anchor.ts"],
    // Many tests start the real server (a child process that compiles TypeScript as it starts) while
    // another file runs beside them: two minutes, not one, so that a busy moment is not a failure.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
