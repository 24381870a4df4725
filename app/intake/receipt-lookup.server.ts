import type { AppLoadContext } from "@remix-run/node";
import { answerByReceipt, getReceiptStatus, type ReceiptStatus } from "../../db/intake/receipt-status";
import type { ServerKey } from "../../db/intake/server-key";
import { getAbuseGuard } from "./abuse-guard.server";
import {
  receiptAnswerSchema,
  receiptCheckSchema,
  receiptFieldErrors,
  type ReceiptFieldErrors,
} from "./receipt-form-schema";

export type ReceiptActionData =
  | { stage: "enter"; code: string; errors: ReceiptFieldErrors; formError?: string }
  | {
      stage: "status";
      code: string;
      status: ReceiptStatus;
      retentionDays: number;
      errors: ReceiptFieldErrors;
      answer: string;
      notice?: string;
      formError?: string;
    };

export interface ReceiptOutcome {
  status: number;
  data: ReceiptActionData;
}

const NOT_FOUND =
  "No report matches this code. Check each group of four; codes cannot be looked up or recovered any other way.";
const TOO_MANY = "Too many receipt look-ups in the last hour. Please try again later.";

/** Looks a receipt up (rate-limited: docs/design.md §6.5) and returns what its holder may see. */
export async function checkReceipt(
  context: AppLoadContext,
  key: ServerKey,
  input: { code: string },
  addressKey: string,
): Promise<ReceiptOutcome> {
  const parsed = receiptCheckSchema.safeParse(input);
  if (!parsed.success)
    return { status: 400, data: { stage: "enter", code: input.code, errors: receiptFieldErrors(parsed.error) } };
  if (!(await getAbuseGuard().takeReceiptLookup(addressKey)))
    return { status: 429, data: { stage: "enter", code: input.code, errors: {}, formError: TOO_MANY } };
  const status = await getReceiptStatus(context.db, key, parsed.data.code);
  if (!status) return { status: 404, data: { stage: "enter", code: input.code, errors: { code: [NOT_FOUND] } } };
  return {
    status: 200,
    data: {
      stage: "status",
      code: parsed.data.code,
      status,
      retentionDays: context.config.retentionDays,
      errors: {},
      answer: "",
    },
  };
}

/** The officer answers a reviewer's question; the answer is kept on any error so nothing is lost. */
export async function answerReceipt(
  context: AppLoadContext,
  key: ServerKey,
  input: { code: string; answer: string },
  addressKey: string,
): Promise<ReceiptOutcome> {
  const checked = await checkReceipt(context, key, { code: input.code }, addressKey);
  if (checked.data.stage !== "status") return checked;
  const view = checked.data;
  const parsed = receiptAnswerSchema.safeParse(input);
  if (!parsed.success)
    return { status: 400, data: { ...view, answer: input.answer, errors: receiptFieldErrors(parsed.error) } };
  const result = await answerByReceipt(context.db, key, view.code, parsed.data.answer);
  if (result !== "answered") {
    return {
      status: 409,
      data: {
        ...view,
        answer: input.answer,
        formError: "There is no open question on this report any more, so the answer was not sent.",
      },
    };
  }
  const status = (await getReceiptStatus(context.db, key, view.code))!;
  return { status: 200, data: { ...view, status, notice: "Your answer was sent to the reviewers." } };
}
