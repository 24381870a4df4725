import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error during a test is a failure (docs/design.md §10, convention 10). A test that expects one
// replaces the spy with its own (vi.spyOn(console, "error").mockImplementation(...)).
let spy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called during the test: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  spy.mockRestore();
});
