import { describe, expect, it } from "vitest";
import { isAnonymousPath } from "./anonymous-paths";

describe("anonymous paths (never logged)", () => {
  it.each(["/report", "/report.data", "/receipt", "/receipt.data", "/build/routes/report-72UPFQCK.js", "/routes/receipt-AB12.js", "/_assets/intake-VGIRG72Z.css"])(
    "%s is anonymous",
    (p) => expect(isAnonymousPath(p)).toBe(true),
  );
  it.each(["/reports", "/reports/CC-2026-0001", "/", "/sign-in", "/build/routes/reports-1.js", "/_assets/app-2EE266K5.css", "/healthz"])(
    "%s is not",
    (p) => expect(isAnonymousPath(p)).toBe(false),
  );
});
