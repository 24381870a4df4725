import path from "node:path";
import { defineConfig } from "vitest/config";

// The suite in three projects (docs/testing.md#unit-e2e-and-the-bench-smoke-run). A test file that starts the
// real server as its own process (tests/support/run-server.ts, tests/e2e/support/app-server.ts) or a
// browser (tests/support/browser.ts) belongs to e2e; the benchmark's smoke run is bench; the rest is unit.
// tests/test-projects.test.ts checks that every test file is in exactly one project and that the rule holds.
const everyTest = "{app,domain,db,analytics,exports,orchestration,server,cli,tests}/**/*.test.{ts,tsx}";
const benchFiles = ["tests/bench/**/*.test.ts"];
const e2eFiles = [
  "tests/e2e/**/*.test.ts",
  "tests/intake-anonymity.test.ts",
  "tests/intake-browser.test.ts",
  "tests/server-start.test.ts",
  "tests/security/body-limit.test.ts",
  "tests/security/hostile-input.test.ts",
  "tests/security/intake-paths.test.ts",
  "tests/security/one-time-races.test.ts",
  "tests/security/production-start.test.ts",
  "tests/security/secrets-at-rest.test.ts",
  "tests/security/sign-in-flood.test.ts",
  "tests/security/smaller-items.test.ts",
  "tests/scale-out/two-nodes.test.ts",
];

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    // Each project's `include` is its own (a root `include` would be added to every project's).
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
    projects: [
      { extends: true, test: { name: "unit", include: [everyTest], exclude: [...e2eFiles, ...benchFiles] } },
      {
        extends: true,
        // A browser assertion is retried (`expect.poll`), never read once after an action: 15 s rather than
        // vitest's 1 s, because a page re-rendering after a post on a busy two-core machine can take longer.
        test: { name: "e2e", include: e2eFiles, expect: { poll: { timeout: 15_000 } } },
      },
      { extends: true, test: { name: "bench", include: benchFiles } },
    ],
  },
});
