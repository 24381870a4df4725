import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recoverableCells } from "../../tests/support/recoverability-oracle";
import { isSuppressed } from "../../domain/figures";
import { type CellInput, PrivacyError, suppress } from "./suppress";

const rules = { k: 10, agencyMinReports: 30 };
const P = { protected: true } as const;

function withheldKeys(cells: CellInput[], released: ReturnType<typeof suppress>): Set<string> {
  return new Set(cells.filter((c) => isSuppressed(released.count(c.key))).map((c) => c.key));
}

describe("suppress", () => {
  it("withholds protected counts of 1..k−1 only; zero, ≥ k and public counts are released", () => {
    const released = suppress(
      {
        cells: [
          { key: "zero", value: 0, ...P },
          { key: "one", value: 1, ...P },
          { key: "nine", value: 9, ...P },
          { key: "ten", value: 10, ...P },
          { key: "public", value: 3, protected: false },
        ],
        additive: [],
      },
      rules,
    );
    expect(released.count("zero")).toBe(0);
    expect(released.count("one")).toEqual({ suppressed: true, reason: "below_k" });
    expect(released.count("nine")).toEqual({ suppressed: true, reason: "below_k" });
    expect(released.count("ten")).toBe(10);
    expect(released.count("public")).toBe(3);
  });

  it("withholds a second cell of a row so that the total does not give the first away", () => {
    const cells = [
      { key: "total", value: 60, ...P },
      { key: "a", value: 4, ...P },
      { key: "b", value: 30, ...P },
      { key: "c", value: 26, ...P },
    ];
    const released = suppress({ cells, additive: [{ total: "total", parts: ["a", "b", "c"] }] }, rules);
    expect(released.count("a")).toEqual({ suppressed: true, reason: "below_k" });
    expect(released.count("c")).toEqual({ suppressed: true, reason: "complementary" }); // the smaller of b and c
    expect(released.count("b")).toBe(30);
    expect(released.count("total")).toBe(60);
  });

  it("protects a cell of a two-way table with row and column totals (no exact recovery)", () => {
    const cells: CellInput[] = [];
    const additive = [];
    const grid = [
      [3, 20, 15],
      [12, 11, 40],
      [25, 30, 14],
    ];
    grid.forEach((row, i) => row.forEach((v, j) => cells.push({ key: `c${i}${j}`, value: v, ...P })));
    for (let i = 0; i < 3; i++) {
      cells.push({ key: `r${i}`, value: grid[i]!.reduce((a, b) => a + b), ...P });
      additive.push({ total: `r${i}`, parts: [0, 1, 2].map((j) => `c${i}${j}`) });
    }
    for (let j = 0; j < 3; j++) {
      cells.push({ key: `k${j}`, value: grid.reduce((s, row) => s + row[j]!, 0), ...P });
      additive.push({ total: `k${j}`, parts: [0, 1, 2].map((i) => `c${i}${j}`) });
    }
    const released = suppress({ cells, additive }, rules);
    const withheld = withheldKeys(cells, released);
    expect(withheld.has("c00")).toBe(true);
    expect(withheld.size).toBeGreaterThanOrEqual(4); // at least the 2×2 rectangle
    expect(recoverableCells(additive, withheld)).toEqual([]);
    expect(released.count("r0")).toBe(38); // totals stay released
  });

  it("treats public figures as known: no agency count is recovered from national − national-without-agency", () => {
    const released = suppress(
      {
        cells: [
          { key: "all", value: 500, protected: false },
          { key: "agency", value: 6, ...P },
          { key: "rest", value: 494, ...P },
        ],
        additive: [{ total: "all", parts: ["agency", "rest"] }],
      },
      rules,
    );
    expect(released.count("agency")).toEqual({ suppressed: true, reason: "below_k" });
    expect(released.count("rest")).toEqual({ suppressed: true, reason: "complementary" });
    expect(released.count("all")).toBe(500);
  });

  it("refuses a result in which a withheld figure equals a public one", () => {
    expect(() =>
      suppress(
        {
          cells: [
            { key: "public", value: 5, protected: false },
            { key: "agency", value: 5, ...P },
          ],
          additive: [{ total: "public", parts: ["agency"] }],
        },
        rules,
      ),
    ).toThrow(PrivacyError);
  });

  it("closes the agency gate below the minimum and the peer gate below 3 other agencies or k reports", () => {
    const cells: CellInput[] = [
      { key: "own", value: 25, protected: true, gate: "agency" },
      { key: "peers", value: 400, protected: true, gate: "peer" },
      { key: "public", value: 7, protected: false },
    ];
    const closed = suppress(
      { cells, additive: [], gates: { agency: { reports: 29 }, peer: { otherAgencies: 2, reports: 400 } } },
      rules,
    );
    expect(closed.count("own")).toEqual({ suppressed: true, reason: "agency_minimum" });
    expect(closed.count("peers")).toEqual({ suppressed: true, reason: "peer_group_too_small" });
    expect(closed.count("public")).toBe(7);
    expect(closed.gates).toEqual({
      agency: { open: false, reason: "agency_minimum" },
      peer: { open: false, reason: "peer_group_too_small" },
    });
    const open = suppress(
      { cells, additive: [], gates: { agency: { reports: 30 }, peer: { otherAgencies: 3, reports: 10 } } },
      rules,
    );
    expect(open.count("own")).toBe(25);
    expect(open.count("peers")).toBe(400);
  });

  it("withholds shares derived from withheld counts, and shares of protected counts below k", () => {
    const released = suppress(
      {
        cells: [
          { key: "n", value: 40, ...P },
          { key: "a", value: 3, ...P },
          { key: "b", value: 0, ...P },
          { key: "small", value: 8, protected: false },
        ],
        additive: [],
      },
      rules,
    );
    expect(released.share("a", "n")).toEqual({ suppressed: true, reason: "derived" });
    expect(released.share("b", "n")).toMatchObject({ share: 0 });
    // Public figures need no threshold: 3 of 40 is docs/design.md §7's worked example (7.5%, 2.6%–19.9%).
    const pub = suppress(
      {
        cells: [
          { key: "n", value: 40, protected: false },
          { key: "a", value: 3, protected: false },
        ],
        additive: [],
      },
      rules,
    );
    expect(pub.share("a", "n")).toEqual({
      share: 0.075,
      lower: expect.closeTo(0.0258, 4),
      upper: expect.closeTo(0.1986, 4),
    });
  });

  it("property: released protected counts are never 1..k−1 and no withheld cell is recoverable (random tables)", () => {
    const table = fc.record({
      rows: fc.integer({ min: 1, max: 4 }),
      cols: fc.integer({ min: 2, max: 5 }),
      values: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 200 })), {
        minLength: 20,
        maxLength: 20,
      }),
      publicMargin: fc.boolean(),
      k: fc.integer({ min: 2, max: 15 }),
    });
    fc.assert(
      fc.property(table, ({ rows, cols, values, publicMargin, k }) => {
        const cells: CellInput[] = [];
        const additive: { total: string; parts: string[] }[] = [];
        const v = (i: number, j: number) => values[(i * cols + j) % values.length]!;
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < cols; j++) cells.push({ key: `c${i}:${j}`, value: v(i, j), ...P });
        for (let i = 0; i < rows; i++) {
          let sum = 0;
          for (let j = 0; j < cols; j++) sum += v(i, j);
          cells.push({ key: `row${i}`, value: sum, ...P });
          additive.push({ total: `row${i}`, parts: Array.from({ length: cols }, (_, j) => `c${i}:${j}`) });
        }
        for (let j = 0; j < cols; j++) {
          let sum = 0;
          for (let i = 0; i < rows; i++) sum += v(i, j);
          // A public column total (e.g. the national figure an agency's cells are differenced from).
          cells.push({ key: `col${j}`, value: sum, protected: !publicMargin });
          additive.push({ total: `col${j}`, parts: Array.from({ length: rows }, (_, i) => `c${i}:${j}`) });
        }
        let released;
        try {
          released = suppress({ cells, additive }, { k, agencyMinReports: 30 });
        } catch (error) {
          // Only allowed when a protected cell is alone under a public total (it equals a public figure).
          expect(error).toBeInstanceOf(PrivacyError);
          expect(publicMargin && rows === 1).toBe(true);
          return;
        }
        for (const c of cells) {
          const value = released.count(c.key);
          if (c.protected && typeof value === "number") expect(value === 0 || value >= k).toBe(true);
          if (!c.protected) expect(value).toBe(c.value);
        }
        expect(recoverableCells(additive, withheldKeys(cells, released))).toEqual([]);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
