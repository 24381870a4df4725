import { describe, expect, it } from "vitest";
import { FilterError, parseAnalyticsFilters, resolveFilters } from "./filters";
import { monthIndex, monthLabel } from "../domain/period";

describe("analytics filters", () => {
  it("parse URL search params with defaults, dropping empty values", () => {
    const f = parseAnalyticsFilters(
      new URLSearchParams("grain=quarter&from=2024-Q2&to=2025-Q1&incidentType=traffic_stop&light="),
    );
    expect(f).toEqual({
      grain: "quarter",
      from: "2024-Q2",
      to: "2025-Q1",
      incidentType: "traffic_stop",
      scope: "national",
    });
    const r = resolveFilters(f, monthIndex("2026-10"));
    expect([monthLabel(r.window.from), monthLabel(r.window.to)]).toEqual(["2024-04", "2025-03"]);
  });

  it("default to the latest 36 months of data, in whole bins of the grain", () => {
    const latest = monthIndex("2026-10");
    const month = resolveFilters(parseAnalyticsFilters({}), latest).window;
    expect([monthLabel(month.from), monthLabel(month.to)]).toEqual(["2023-11", "2026-10"]);
    const year = resolveFilters(parseAnalyticsFilters({ grain: "year" }), latest).window;
    expect([monthLabel(year.from), monthLabel(year.to)]).toEqual(["2024-01", "2026-12"]);
  });

  it("reject day ranges, wrong bins, reversed or too long periods, unknown codes, factor + family, agency ids", () => {
    const errors = (input: Record<string, string>) => {
      try {
        parseAnalyticsFilters(new URLSearchParams(input));
      } catch (error) {
        if (error instanceof FilterError) return error.fieldErrors;
        throw error;
      }
      return null;
    };
    expect(errors({ from: "2024-03-15" })).toEqual({ from: ["Use a month like 2025-04"] });
    expect(errors({ grain: "quarter", from: "2024-03" })).toEqual({ from: ["Use a quarter like 2025-Q2"] });
    expect(errors({ from: "2025-06", to: "2025-01" })).toEqual({ to: ["The period ends before it starts"] });
    expect(errors({ from: "2010-01", to: "2025-01" })).toEqual({ from: ["The period can cover at most 10 years"] });
    expect(errors({ incidentType: "bank_robbery" })?.incidentType).toHaveLength(1);
    expect(errors({ factor: "sa_lapse", factorFamily: "equipment" })).toEqual({
      factorFamily: ["Choose a factor or a factor family, not both"],
    });
    // The agency never comes from the request.
    expect(errors({ agency: "5b2c1a7e-0000-4000-8000-000000000000" })?._?.[0]).toMatch(/Unrecognized key.*agency/);
  });
});

describe("viewerFor", () => {
  it("builds the viewer from the session's role and agency, never from the request", async () => {
    const { viewerFor, AnalyticsAccessError } = await import("./viewer");
    expect(viewerFor(null)).toEqual({ kind: "public" });
    expect(viewerFor({ role: "national_analyst", agencyId: null })).toEqual({ kind: "national" });
    expect(viewerFor({ role: "administrator", agencyId: null })).toEqual({ kind: "national" });
    expect(viewerFor({ role: "agency_trainer", agencyId: "a" })).toEqual({ kind: "agency", agencyId: "a" });
    expect(viewerFor({ role: "reviewer", agencyId: null })).toEqual({ kind: "public" });
    expect(() => viewerFor({ role: "agency_commander", agencyId: null })).toThrow(AnalyticsAccessError);
  });
});
