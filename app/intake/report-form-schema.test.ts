import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { someReportInput, validReportInput } from "../../tests/support/report-arbitraries";
import { VALID_INPUT } from "../../tests/support/intake";
import {
  createReportFormSchema,
  EMPTY_INPUT,
  readReportForm,
  STEPS,
  TEXT_MAX,
  type ReportField,
} from "./report-form-schema";

const schema = createReportFormSchema(new Date("2026-06-15T12:00:00Z"));
const fields = new Set<string>(STEPS.flatMap((s) => s.fields as readonly ReportField[]));

describe("report form schema (shared by browser and server)", () => {
  it("accepts every valid input, with coarse, well-formed output", () => {
    fc.assert(
      fc.property(validReportInput, (input) => {
        const parsed = schema.safeParse(input);
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        expect(parsed.data.eventMonth).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        expect(parsed.data.narrative.length).toBeGreaterThanOrEqual(50);
        expect(parsed.data.partnerCode).toBeNull(); // national: the code is dropped, never stored
      }),
      { numRuns: 200 },
    );
  });

  it("for any input either parses or names the fields at fault (so errors sit next to fields)", () => {
    fc.assert(
      fc.property(someReportInput, (input) => {
        const parsed = schema.safeParse(input);
        if (parsed.success) return;
        for (const issue of parsed.error.issues) expect(fields.has(String(issue.path[0]))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("enforces the text limits, the month and the partner code rules", () => {
    const errors = (input: object) => {
      const parsed = schema.safeParse({ ...VALID_INPUT, ...input });
      return parsed.success ? {} : parsed.error.flatten().fieldErrors;
    };
    expect(errors({ narrative: "too short" }).narrative?.[0]).toMatch(/at least 50/);
    expect(errors({ lessons: "x".repeat(TEXT_MAX + 1) }).lessons?.[0]).toMatch(/at most 10,000/);
    // blanks do not count
    expect(errors({ narrative: `${" ".repeat(30)}${"y".repeat(49)}   ` }).narrative).toBeDefined();
    expect(errors({ eventYear: "2026", eventMonth: "07" }).eventMonth?.[0]).toMatch(/future/);
    expect(
      errors({
        factors: [
          "sa_lapse",
          "sa_complacency",
          "sa_tunnel_vision",
          "sa_distraction",
          "st_ambush",
          "st_flight_resisting",
        ],
      }).factors?.[0],
    ).toMatch(/at most 5/);
    expect(errors({ consentLevel: "agency_stats", partnerCode: "" }).partnerCode?.[0]).toMatch(/partner code/);
    expect(errors({ consentLevel: "agency_share", partnerCode: "12345" }).partnerCode?.[0]).toMatch(/15 letters/);
    expect(errors({ consentLevel: "agency_share", partnerCode: "ymx48 m5mwf nrmqb" })).toEqual({});
    expect(errors({ incidentType: "made_up" }).incidentType).toBeDefined();
  });

  it("reads only the form's own fields from posted data", () => {
    const form = new URLSearchParams([
      ["title", "T"],
      ["factors", "a"],
      ["factors", "b"],
      ["extra", "ignored"],
    ]);
    expect(readReportForm(form)).toEqual({ ...EMPTY_INPUT, title: "T", factors: ["a", "b"] });
  });
});
