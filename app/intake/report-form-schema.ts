// The report form's one schema, used by the browser (step checks) and the server (the real check).
// Browser-safe: only taxonomy data and zod.
import { z } from "zod";
import {
  assignments,
  codesOf,
  consentLevels,
  factors,
  incidentTypes,
  lightConditions,
  lossPotentials,
  MAX_FACTORS_PER_REPORT,
  officerBands,
  serviceBands,
  states,
  timeBlocks,
  weatherConditions,
} from "../../domain/taxonomy";

export const TEXT_MIN = 50;
export const TEXT_MAX = 10_000;
export const TITLE_MIN = 5;
export const TITLE_MAX = 150;
export const PARTNER_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{15}$/;

/** Every field the form posts, as the browser sends it (strings; factors repeated). */
export interface ReportFormInput {
  title: string;
  narrative: string;
  lessons: string;
  factors: string[];
  incidentType: string;
  eventYear: string;
  eventMonth: string;
  timeBlock: string;
  light: string;
  weather: string;
  officersOnScene: string;
  assignment: string;
  serviceBand: string;
  state: string;
  lossPotential: string;
  consentLevel: string;
  partnerCode: string;
}

export type ReportField = keyof ReportFormInput;

export const TEXT_FIELDS = [
  "title",
  "narrative",
  "lessons",
  "incidentType",
  "eventYear",
  "eventMonth",
  "timeBlock",
  "light",
  "weather",
  "officersOnScene",
  "assignment",
  "serviceBand",
  "state",
  "lossPotential",
  "consentLevel",
  "partnerCode",
] as const satisfies readonly Exclude<ReportField, "factors">[];

export const EMPTY_INPUT: ReportFormInput = {
  title: "",
  narrative: "",
  lessons: "",
  factors: [],
  incidentType: "",
  eventYear: "",
  eventMonth: "",
  timeBlock: "",
  light: "",
  weather: "",
  officersOnScene: "",
  assignment: "",
  serviceBand: "",
  state: "",
  lossPotential: "",
  consentLevel: "national",
  partnerCode: "",
};

/** Reads the form's fields (and nothing else) from posted form data; anything odd becomes "". */
export function readReportForm(form: FormData | URLSearchParams): ReportFormInput {
  const input = { ...EMPTY_INPUT, factors: [] as string[] };
  for (const field of TEXT_FIELDS) {
    const value = form.get(field);
    input[field] = typeof value === "string" ? value : "";
  }
  input.factors = form
    .getAll("factors")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 100);
  if (!input.consentLevel) input.consentLevel = "national";
  return input;
}

/** The steps of the form, in order, with the fields each one holds (the review step follows). */
export const STEPS = [
  { id: "what", title: "What happened", fields: ["title", "narrative"] },
  { id: "factors", title: "What contributed", fields: ["factors"] },
  { id: "lessons", title: "Lessons learned", fields: ["lessons"] },
  {
    id: "context",
    title: "When and where",
    fields: [
      "incidentType",
      "eventYear",
      "eventMonth",
      "timeBlock",
      "light",
      "weather",
      "officersOnScene",
      "assignment",
      "serviceBand",
      "state",
    ],
  },
  { id: "severity", title: "How bad it could have been", fields: ["lossPotential"] },
  { id: "sharing", title: "Agency sharing", fields: ["consentLevel", "partnerCode"] },
] as const satisfies readonly { id: string; title: string; fields: readonly ReportField[] }[];

export function normalisePartnerCodeInput(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

const text = (
  label: string,
  min: number,
  max: number,
  minMessage = `${label} needs at least ${min} characters (a few sentences).`,
) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(min, minMessage)
        .max(max, `${label} can be at most ${max.toLocaleString("en-US")} characters.`),
    );

const optionalCode = <T extends readonly { code: string; label: string }[]>(list: T, message: string) =>
  z
    .string()
    .refine((v) => v === "" || list.some((item) => item.code === v), message)
    .transform((v) => (v === "" ? null : (v as T[number]["code"])));

const required = <T extends readonly { code: string; label: string }[]>(list: T, message: string) =>
  z
    .string()
    .refine((v) => list.some((item) => item.code === v), message)
    .transform((v) => v as T[number]["code"]);

const stateCodes = states.map((s) => ({ code: s.code, label: s.name }));

/**
 * The schema for a given day (the event month may not be in the future). Field errors carry
 * plain-language messages shown next to each field.
 */
export function createReportFormSchema(today: Date = new Date()) {
  const thisYear = today.getUTCFullYear();
  const thisMonth = today.getUTCMonth() + 1;
  return z
    .object({
      title: text(
        "The title",
        TITLE_MIN,
        TITLE_MAX,
        `Give your report a short title (at least ${TITLE_MIN} characters).`,
      ),
      narrative: text("What happened", TEXT_MIN, TEXT_MAX),
      lessons: text("Lessons learned", TEXT_MIN, TEXT_MAX),
      factors: z
        .array(z.enum(codesOf(factors), { errorMap: () => ({ message: "Choose factors from the list." }) }))
        .max(MAX_FACTORS_PER_REPORT, `Choose at most ${MAX_FACTORS_PER_REPORT} factors: the ones that mattered most.`)
        .transform((list) => [...new Set(list)]),
      incidentType: required(incidentTypes, "Choose the kind of incident."),
      eventYear: z
        .string()
        .regex(/^\d{4}$/, "Choose the year.")
        .transform(Number)
        .refine((y) => y >= 1990 && y <= thisYear, "Choose a year from the list."),
      eventMonth: z
        .string()
        .regex(/^(0[1-9]|1[0-2])$/, "Choose the month.")
        .transform(Number),
      timeBlock: optionalCode(timeBlocks, "Choose a time of day from the list."),
      light: optionalCode(lightConditions, "Choose a light condition from the list."),
      weather: optionalCode(weatherConditions, "Choose a weather condition from the list."),
      officersOnScene: optionalCode(officerBands, "Choose how many officers were on scene."),
      assignment: optionalCode(assignments, "Choose an assignment from the list."),
      serviceBand: optionalCode(serviceBands, "Choose your years of service from the list."),
      state: required(stateCodes, "Choose the state where it happened."),
      lossPotential: required(lossPotentials, "Choose how bad it could have been."),
      consentLevel: required(consentLevels, "Choose how your report may be shared."),
      partnerCode: z.string().transform(normalisePartnerCodeInput),
    })
    .superRefine((value, ctx) => {
      if (value.eventYear === thisYear && value.eventMonth > thisMonth) {
        ctx.addIssue({ code: "custom", path: ["eventMonth"], message: "The month cannot be in the future." });
      }
      if (value.consentLevel !== "national") {
        if (value.partnerCode === "") {
          ctx.addIssue({
            code: "custom",
            path: ["partnerCode"],
            message: "Enter your agency's partner code, or choose National only.",
          });
        } else if (!PARTNER_CODE_PATTERN.test(value.partnerCode)) {
          ctx.addIssue({
            code: "custom",
            path: ["partnerCode"],
            message: "A partner code has 15 letters and digits, like ABCDE-12345-FGHJK.",
          });
        }
      }
    })
    .transform((value) => ({
      ...value,
      eventMonth: `${value.eventYear}-${String(value.eventMonth).padStart(2, "0")}`,
      partnerCode: value.consentLevel === "national" ? null : value.partnerCode,
    }));
}

export type ReportFormSchema = ReturnType<typeof createReportFormSchema>;
export type ParsedReport = z.output<ReportFormSchema>;
export type FieldErrors = Partial<Record<ReportField, string[]>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = (issue.path[0] ?? "title") as ReportField;
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** The errors that belong to one step (the browser checks a step before moving on). */
export function errorsForStep(errors: FieldErrors, stepIndex: number): FieldErrors {
  const step = STEPS[stepIndex];
  if (!step) return {};
  return Object.fromEntries(
    Object.entries(errors).filter(([field]) => (step.fields as readonly string[]).includes(field)),
  );
}

export function firstStepWithErrors(errors: FieldErrors): number {
  const index = STEPS.findIndex((step) => step.fields.some((field) => errors[field]?.length));
  return index === -1 ? 0 : index;
}
