import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codesOf, factors, incidentTypes, lossPotentials, officerBands } from "../../domain/taxonomy/index";
import { sortColumns } from "../../domain/library-query";
import { hrefWith, type LibraryState, parseLibrarySearch, toSearchParams } from "./filter-schema";

const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const month = fc
  .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);

const state: fc.Arbitrary<LibraryState> = fc
  .record({
    q: fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,2}$/),
    incidentTypes: subset(codesOf(incidentTypes)),
    factors: subset(codesOf(factors)),
    factorMatch: fc.constantFrom("any" as const, "all" as const),
    lossPotentials: subset(codesOf(lossPotentials)),
    officers: subset(codesOf(officerBands)),
    months: fc.tuple(fc.option(month, { nil: null }), fc.option(month, { nil: null })),
    column: fc.constantFrom(...sortColumns),
    descending: fc.boolean(),
    page: fc.integer({ min: 1, max: 400 }),
    size: fc.constantFrom(10, 25, 50, 100),
  })
  .map((v) => {
    const [a, b] = v.months;
    const [from, to] = a && b && a > b ? [b, a] : [a, b];
    return {
      filters: {
        q: v.q,
        incidentTypes: v.incidentTypes,
        factors: v.factors,
        factorMatch: v.factors.length > 1 ? v.factorMatch : "any",
        families: [],
        lossPotentials: v.lossPotentials,
        from,
        to,
        regions: [],
        light: [],
        weather: [],
        officers: v.officers,
        sharedWithMyAgency: false,
      },
      sort: { column: v.column, descending: v.descending },
      page: { page: v.page, size: v.size },
    };
  });

describe("library URL state", () => {
  it("round-trips: what a link writes, the loader reads back", () => {
    fc.assert(
      fc.property(state, (s) => {
        const parsed = parseLibrarySearch(toSearchParams(s));
        expect(parsed.ok && parsed.state).toEqual(s);
      }),
    );
  });

  it("leaves defaults out of links", () => {
    const parsed = parseLibrarySearch(new URLSearchParams("q=radio"));
    if (!parsed.ok) throw new Error("unexpected");
    expect(toSearchParams(parsed.state).toString()).toBe("q=radio");
    expect(hrefWith(parsed.state, { q: "" })).toBe("/reports");
    expect(hrefWith(parsed.state, { page: 3 })).toBe("/reports?q=radio&page=3");
  });

  it("names each bad parameter in words", () => {
    const parsed = parseLibrarySearch(
      new URLSearchParams("weather=lava&size=7&match=some&sort=title&q=" + "x".repeat(201)),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.fromEntries(parsed.problems.map((p) => [p.param, p.message]))).toMatchObject({
      weather: expect.stringMatching(/not a known weather condition/),
      size: expect.stringMatching(/must be one of 10, 25, 50, 100/),
      match: expect.stringMatching(/any or all/),
      sort: expect.stringMatching(/must be one of relevance/),
      q: expect.stringMatching(/at most 200 characters/),
    });
    expect(parsed.valid.toString()).toBe("");
  });

  it("a filter change goes back to page 1", () => {
    const parsed = parseLibrarySearch(new URLSearchParams("type=traffic_stop&page=4"));
    if (!parsed.ok) throw new Error("unexpected");
    expect(hrefWith(parsed.state, { lossPotentials: ["fatality"] })).toBe("/reports?type=traffic_stop&loss=fatality");
  });
});
