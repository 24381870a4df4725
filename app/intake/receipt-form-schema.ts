// The receipt page's one schema (browser and server): a code, and for an answer the officer's text.
import { z } from "zod";
import { formatReceiptCode, normaliseReceiptCode } from "../../domain/receipt-code-format";

export const ANSWER_MAX = 5_000;

const code = z.string().transform((value, ctx) => {
  const normalised = normaliseReceiptCode(value);
  if (!normalised) {
    ctx.addIssue({
      code: "custom",
      message: "A receipt code has 24 letters and digits, in six groups of four (like ABCD-EFGH-…).",
    });
    return z.NEVER;
  }
  return formatReceiptCode(normalised);
});

export const receiptCheckSchema = z.object({ code });

export const receiptAnswerSchema = z.object({
  code,
  answer: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "Write your answer first.")
        .max(ANSWER_MAX, `An answer can be at most ${ANSWER_MAX.toLocaleString("en-US")} characters.`),
    ),
});

export type ReceiptFieldErrors = Partial<Record<"code" | "answer", string[]>>;

export function receiptFieldErrors(error: z.ZodError): ReceiptFieldErrors {
  const errors: ReceiptFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] === "answer" ? "answer" : "code";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}
