// Browser-safe zod schemas for the review workspace's forms, one per form, used by the action (and
// usable in the browser). Coding has its own schema beside the taxonomy (domain/review/coding.ts).
import { z } from "zod";
import { identifierTypes } from "../../domain/identifier-types";
import { rejectionReasonCodes } from "../../domain/review/rejection-reasons";

export { CodingSchema, type Coding } from "../../domain/review/coding";

export const TEXT_MAX = 20_000;

export const TextsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(5, "Give the report a short title (5 characters or more).")
    .max(200, "Use at most 200 characters."),
  summary: z
    .string()
    .trim()
    .min(50, "The event summary needs at least 50 characters.")
    .max(TEXT_MAX, `Use at most ${TEXT_MAX.toLocaleString("en-US")} characters.`),
  lessons: z
    .string()
    .trim()
    .min(20, "Lessons learned need at least 20 characters.")
    .max(TEXT_MAX, `Use at most ${TEXT_MAX.toLocaleString("en-US")} characters.`),
});

export const FindingDecisionSchema = z.object({
  findingId: z.string().min(1).max(64),
  decision: z.enum(["accepted", "rejected", "open"]),
  replacement: z.string().max(60, "Keep the replacement short, e.g. [street].").optional(),
});

export const MarkSpanSchema = z.object({
  text: z
    .string()
    .trim()
    .min(2, "Select or type the text to remove (2 characters or more).")
    .max(2000, "Mark at most 2,000 characters at a time."),
  type: z.enum(identifierTypes, { errorMap: () => ({ message: "Choose what kind of identifier it is." }) }),
  replacement: z.string().max(60, "Keep the replacement short, e.g. [street].").optional(),
});

export const QuestionSchema = z.object({
  question: z
    .string()
    .trim()
    .min(10, "Write a question the officer can answer (10 characters or more).")
    .max(2000, "Use at most 2,000 characters."),
});

export const SendBackSchema = z.object({
  comment: z.string().trim().min(5, "Say what stage 1 should change.").max(4000, "Use at most 4,000 characters."),
});

export const RejectSchema = z.object({
  reason: z.enum(rejectionReasonCodes, { errorMap: () => ({ message: "Choose the reason the officer will see." }) }),
});

// The likely originals are offered as choices (radio "primaryId"); "other" takes a pasted id ("otherId").
export const DuplicateSchema = z
  .object({
    primaryId: z.string().trim().min(1, "Choose the submission this one repeats."),
    otherId: z.string().trim().optional(),
  })
  .transform(({ primaryId, otherId }) => ({ primaryId: primaryId === "other" ? (otherId ?? "") : primaryId }))
  .pipe(
    z.object({
      primaryId: z
        .string()
        .uuid("Paste the id of the submission this one repeats (from its workspace address or the queue)."),
    }),
  );

export const intents = [
  "claim",
  "release",
  "texts",
  "finding",
  "finding-all",
  "mark",
  "coding",
  "submit",
  "approve",
  "send-back",
  "ask",
  "reject",
  "duplicate",
] as const;
export type Intent = (typeof intents)[number];

/** Coding fields as the form posts them (factors repeat), ready for CodingSchema. */
export function codingInput(form: FormData): Record<string, unknown> {
  const one = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  return {
    incidentType: one("incidentType"),
    factors: form.getAll("factors").filter((v): v is string => typeof v === "string"),
    lossPotential: one("lossPotential"),
    eventMonth: one("eventMonth").trim(),
    timeBlock: one("timeBlock"),
    light: one("light"),
    weather: one("weather"),
    officersBand: one("officersBand"),
    assignment: one("assignment"),
    serviceBand: one("serviceBand"),
  };
}
