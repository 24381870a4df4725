import { describe, expect, it } from "vitest";
import { PUBLIC_NUMBER } from "./public-number";

describe("public report numbers", () => {
  it("take five digits or more after the year (a million reports run past 99,999 in a year)", () => {
    for (const ok of ["2024-00413", "2026-99999", "2026-146461", "2031-123456789"]) expect(ok).toMatch(PUBLIC_NUMBER);
    for (const bad of ["2024-0413", "24-00413", "2024-00413x", "2024-1234567890", "2024_00413", ""])
      expect(bad).not.toMatch(PUBLIC_NUMBER);
  });
});
