import { describe, expect, it } from "vitest";
import { canonicalAnonymousPage, isAnonymousPath } from "./anonymous-paths";

describe("anonymous paths (never logged)", () => {
  it.each([
    "/report",
    "/report.data",
    "/receipt",
    "/receipt.data",
    "/build/routes/report-72UPFQCK.js",
    "/routes/receipt-AB12.js",
    "/_assets/intake-VGIRG72Z.css",
  ])("%s is anonymous", (p) => expect(isAnonymousPath(p)).toBe(true));
  it.each([
    "/reports",
    "/reports/CC-2026-0001",
    "/",
    "/sign-in",
    "/build/routes/reports-1.js",
    "/_assets/app-2EE266K5.css",
    "/healthz",
    "//report",
  ])("%s is not", (p) => expect(isAnonymousPath(p)).toBe(false));

  // Every spelling the router and the static files accept.
  it.each([
    ["/Report", "/report"],
    ["/REPORT", "/report"],
    ["/%72eport", "/report"],
    ["/%52EPORT", "/report"],
    ["/Receipt", "/receipt"],
    ["/./report", "/report"],
    ["/reports/../report", "/report"],
    ["/report/", "/report"],
    ["/REPORT.data", "/report.data"],
    ["/Receipt.DATA", "/receipt.data"],
  ])("%s is anonymous and redirects to %s", (spelling, canonical) => {
    expect(isAnonymousPath(spelling)).toBe(true);
    expect(canonicalAnonymousPage(spelling)).toBe(canonical);
  });

  it("recognises build files however they are spelled, and leaves the one spelling of a page alone", () => {
    expect(isAnonymousPath("/build/routes/%72eport-72UPFQCK.js")).toBe(true);
    expect(isAnonymousPath("/BUILD/_assets/INTAKE-VGIRG72Z.css")).toBe(true);
    expect(canonicalAnonymousPage("/report")).toBeNull();
    expect(canonicalAnonymousPage("/receipt.data")).toBeNull();
    expect(canonicalAnonymousPage("/Reports")).toBeNull();
    expect(canonicalAnonymousPage("/%E0%A4%A")).toBeNull();
  });
});
