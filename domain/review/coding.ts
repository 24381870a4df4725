// Browser-safe: the reviewer's coding of a report (docs/design.md §5), one zod schema for the form and the server.
import { z } from "zod";
import {
  assignments,
  codesOf,
  factors,
  incidentTypes,
  lightConditions,
  lossPotentials,
  MAX_FACTORS_PER_REPORT,
  officerBands,
  serviceBands,
  timeBlocks,
  weatherConditions,
} from "../taxonomy/index";

const optionalCode = <T extends [string, ...string[]]>(codes: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(codes).nullable());

export const CodingSchema = z.object({
  incidentType: z.enum(codesOf(incidentTypes), { errorMap: () => ({ message: "Choose one incident type." }) }),
  factors: z
    .array(z.enum(codesOf(factors), { errorMap: () => ({ message: "Unknown factor." }) }))
    .min(1, "Choose at least one contributing factor.")
    .max(MAX_FACTORS_PER_REPORT, `Choose at most ${MAX_FACTORS_PER_REPORT} factors.`)
    .refine((list) => new Set(list).size === list.length, "A factor is listed twice."),
  lossPotential: z.enum(codesOf(lossPotentials), {
    errorMap: () => ({ message: "Choose how bad it could have been." }),
  }),
  eventMonth: z.string().regex(/^(?:19|20)\d\d-(?:0[1-9]|1[0-2])$/, "Enter the month as YYYY-MM (never a day)."),
  timeBlock: optionalCode(codesOf(timeBlocks)),
  light: optionalCode(codesOf(lightConditions)),
  weather: optionalCode(codesOf(weatherConditions)),
  officersBand: optionalCode(codesOf(officerBands)),
  assignment: optionalCode(codesOf(assignments)),
  serviceBand: optionalCode(codesOf(serviceBands)),
});

export type Coding = z.infer<typeof CodingSchema>;
