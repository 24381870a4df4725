import { describe, expect, it } from "vitest";
import { comparisonChoices, periodsOverlap } from "./period-compare";

describe("comparison period choices", () => {
  it("offers the period just before (same length) and the same months a year earlier, as explicit months", () => {
    expect(comparisonChoices({ from: "2025-01", to: "2025-06" })).toEqual([
      { key: "previous", label: "The previous 6 months", bfrom: "2024-07", bto: "2024-12" },
      { key: "year", label: "The same months a year earlier", bfrom: "2024-01", bto: "2024-06" },
    ]);
    expect(comparisonChoices({ from: "2025-03", to: "2025-03" })[0]).toMatchObject({
      label: "The previous month",
      bfrom: "2025-02",
      bto: "2025-02",
    });
  });

  it("knows when two periods share a month", () => {
    expect(periodsOverlap({ from: "2023-01", to: "2025-12" }, { from: "2022-01", to: "2024-12" })).toBe(true);
    expect(periodsOverlap({ from: "2025-01", to: "2025-12" }, { from: "2024-01", to: "2024-12" })).toBe(false);
  });
});
