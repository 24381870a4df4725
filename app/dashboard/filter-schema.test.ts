import { describe, expect, it } from "vitest";
import { parseLibrarySearch } from "~/library/filter-schema";
import { libraryHref, quarterMonths } from "./drill-down";
import { activeFilters, defaultState, hrefOf, parseDashboardSearch, toSearchParams } from "./filter-schema";

const parse = (query: string) => parseDashboardSearch(new URLSearchParams(query));

describe("dashboard filters in the URL", () => {
  it("reads the defaults from an empty query and writes them back as nothing", () => {
    expect(parse("")).toEqual({ ok: true, state: defaultState });
    expect(toSearchParams(defaultState).toString()).toBe("");
  });

  it("round-trips every filter", () => {
    const query =
      "from=2024-01&to=2025-12&compare=year&type=traffic_stop&factor=hc_low_light" +
      "&loss=fatality&region=west&vs=region&funnel=eq_radio_failure";
    const parsed = parse(query);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.state).toEqual({
      from: "2024-01",
      to: "2025-12",
      compare: "year",
      type: "traffic_stop",
      factor: "hc_low_light",
      loss: "fatality",
      region: "west",
      vs: "region",
      funnel: "eq_radio_failure",
    });
    expect(toSearchParams(parsed.state).toString()).toBe(query);
  });

  it("ignores empty fields (a plain GET form sends them)", () => {
    expect(parse("type=&factor=&from=")).toEqual({ ok: true, state: defaultState });
  });

  it("names bad parameters and keeps the good ones", () => {
    expect(parse("from=2025-13&type=traffic_stop")).toEqual({
      ok: false,
      problems: [
        { param: "from", message: "“from” The first month must be a month written YYYY-MM, for example 2025-06" },
      ],
      validSearch: "type=traffic_stop",
    });
    const unknown = parse("agency=3f1c&type=nope");
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.problems.map((p) => p.param).sort()).toEqual(["agency", "type"]);
  });

  it("refuses a period that ends before it starts or is longer than ten years", () => {
    expect(parse("from=2025-06&to=2025-01").ok).toBe(false);
    expect(parse("from=2010-01&to=2025-01").ok).toBe(false);
    expect(parse("from=2016-02&to=2026-01").ok).toBe(true);
  });

  it("summarises active filters, each with a link that removes only it", () => {
    const state = { ...defaultState, type: "traffic_stop" as const, region: "south" as const };
    expect(activeFilters("/agency", state)).toEqual([
      { key: "type", label: "Incident type: Traffic stop", removeHref: "/agency?region=south" },
      { key: "region", label: "Region: South", removeHref: "/agency?type=traffic_stop" },
    ]);
    expect(hrefOf("/agency", defaultState)).toBe("/agency");
  });
});

describe("drill-down into the library", () => {
  const window = { from: "2023-11", to: "2026-10" };

  it("opens the library with the dashboard's filters narrowed to the clicked item", () => {
    const href = libraryHref({ ...defaultState, type: "traffic_stop" as const, region: "south" as const }, window, {
      factor: "hc_low_light",
    });
    const parsed = parseLibrarySearch(new URL(href, "http://x").searchParams);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.state.filters).toMatchObject({
      incidentTypes: ["traffic_stop"],
      factors: ["hc_low_light"],
      factorMatch: "any",
      regions: ["south"],
      from: "2023-11",
      to: "2026-10",
      sharedWithMyAgency: false,
    });
  });

  it("needs both factors when the dashboard is already filtered by one", () => {
    const href = libraryHref({ ...defaultState, factor: "st_concealed_weapon" as const }, window, {
      factor: "td_inadequate_search",
    });
    expect(new URL(href, "http://x").searchParams.getAll("factor")).toEqual([
      "st_concealed_weapon",
      "td_inadequate_search",
    ]);
    expect(new URL(href, "http://x").searchParams.get("match")).toBe("all");
  });

  it("turns a quarter into its months", () => {
    expect(quarterMonths("2025-Q3")).toEqual({ from: "2025-07", to: "2025-09" });
    expect(new URL(libraryHref(defaultState, window, quarterMonths("2024-Q1")), "http://x").search).toBe(
      "?from=2024-01&to=2024-03",
    );
  });

  it("never carries a protected field", () => {
    const href = libraryHref({ ...defaultState, vs: "size" as const, funnel: "eq_radio_failure" as const }, window, {});
    expect(href).toBe("/reports?from=2023-11&to=2026-10");
  });
});

describe("the comparison period of the national factor profile (bfrom/bto)", () => {
  it("round-trips, and shows as one removable filter", () => {
    const parsed = parse("from=2025-01&to=2025-12&bfrom=2024-01&bto=2024-12");
    expect(parsed).toEqual({
      ok: true,
      state: { ...defaultState, from: "2025-01", to: "2025-12", bfrom: "2024-01", bto: "2024-12" },
    });
    if (!parsed.ok) return;
    expect(toSearchParams(parsed.state).toString()).toBe("from=2025-01&to=2025-12&bfrom=2024-01&bto=2024-12");
    expect(activeFilters("/national", parsed.state).at(-1)).toEqual({
      key: "periods",
      label: "Factors compared with 2024-01 to 2024-12",
      removeHref: "/national?from=2025-01&to=2025-12",
    });
  });

  it("names a bad month, a missing end and a backwards period, and drops both halves from the link back", () => {
    const bad = parse("bfrom=2024-13&bto=2024-12&type=traffic_stop");
    expect(bad).toMatchObject({ ok: false, problems: [{ param: "bfrom" }], validSearch: "type=traffic_stop" });
    expect(parse("bfrom=2024-01")).toMatchObject({
      ok: false,
      problems: [
        { param: "bto", message: "“bto” is needed with “bfrom”: the comparison period's last month, YYYY-MM" },
      ],
      validSearch: "",
    });
    expect(parse("bto=2024-01")).toMatchObject({ ok: false, problems: [{ param: "bfrom" }] });
    expect(parse("bfrom=2024-06&bto=2024-01")).toMatchObject({
      ok: false,
      problems: [{ param: "bto", message: "“bto” The comparison period ends before it starts" }],
    });
  });
});
