// The review workspace's form actions as one table: each intent names the zod schema of its form (none
// for a bare button), any permission beyond reviewing, and the workflow step it runs. The route checks
// the reviewer and the CSRF token first; an unknown intent or an invalid form answers 400 with the
// messages shown next to the fields, a refused step 400/409 (see `attempt`).
import { type AppLoadContext, data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { type FieldErrors, fieldErrors } from "~/auth/forms";
import type { PermissionString } from "~/auth/permissions";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import type { Executor } from "../../db/database";
import type { ServerKey } from "../../db/intake/server-key";
import {
  CodingSchema,
  codingInput,
  DuplicateSchema,
  FindingDecisionSchema,
  type Intent,
  intents,
  MarkSpanSchema,
  QuestionSchema,
  RejectSchema,
  SendBackSchema,
  TextsSchema,
} from "./forms";
import {
  type ActionFailure,
  acceptOpenFindings,
  approveSubmission,
  askOfficer,
  attempt,
  claimSubmission,
  decideDraftFinding,
  markDraftSpan,
  markDuplicate,
  rejectSubmission,
  releaseSubmission,
  saveCoding,
  saveTexts,
  sendBack,
  submitStage1,
} from "./review.server";

/** The submission a form acts on, and who acts. */
export interface WorkspaceStep {
  db: Executor;
  key: ServerKey;
  id: string;
  actor: { reviewerId: string };
  retentionDays: number;
}

interface IntentEntry<S extends z.ZodTypeAny> {
  schema?: S;
  /** The object the schema reads, when the form's fields are not it as they are (coding: factors repeat). */
  input?: (form: FormData) => Record<string, unknown>;
  /** Needed besides review:submission:any. */
  permission?: PermissionString;
  run: (step: WorkspaceStep, value: z.output<S>) => Promise<unknown>;
}

// Types each entry's `run` by its schema, then stores it untyped: the runner hands `run` only what that
// schema produced.
const entry = <S extends z.ZodTypeAny = z.ZodUnknown>(e: IntentEntry<S>) => e as unknown as IntentEntry<z.ZodTypeAny>;

const workspaceIntents: Record<Intent, IntentEntry<z.ZodTypeAny>> = {
  claim: entry({ run: (s) => claimSubmission(s.db, s.key, s.id, s.actor) }),
  release: entry({ run: (s) => releaseSubmission(s.db, s.id, s.actor) }),
  submit: entry({ run: (s) => submitStage1(s.db, s.key, s.id, s.actor) }),
  approve: entry({ permission: "publish:report:any", run: (s) => approveSubmission(s.db, s.key, s.id, s.actor) }),
  texts: entry({ schema: TextsSchema, run: (s, v) => saveTexts(s.db, s.key, s.id, s.actor, v) }),
  finding: entry({ schema: FindingDecisionSchema, run: (s, v) => decideDraftFinding(s.db, s.key, s.id, s.actor, v) }),
  "finding-all": entry({ run: (s) => acceptOpenFindings(s.db, s.key, s.id, s.actor) }),
  mark: entry({ schema: MarkSpanSchema, run: (s, v) => markDraftSpan(s.db, s.key, s.id, s.actor, v) }),
  coding: entry({ schema: CodingSchema, input: codingInput, run: (s, v) => saveCoding(s.db, s.key, s.id, s.actor, v) }),
  "send-back": entry({ schema: SendBackSchema, run: (s, v) => sendBack(s.db, s.key, s.id, s.actor, v.comment) }),
  ask: entry({ schema: QuestionSchema, run: (s, v) => askOfficer(s.db, s.key, s.id, s.actor, v.question) }),
  reject: entry({
    schema: RejectSchema,
    run: (s, v) => rejectSubmission(s.db, s.id, s.actor, { reason: v.reason, retentionDays: s.retentionDays }),
  }),
  duplicate: entry({
    schema: DuplicateSchema,
    run: (s, v) => markDuplicate(s.db, s.id, s.actor, { primaryId: v.primaryId, retentionDays: s.retentionDays }),
  }),
};

type Parsed = { ok: true; value: unknown } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

function parseForm(form: FormData, schema: z.ZodTypeAny, input?: (form: FormData) => Record<string, unknown>): Parsed {
  if (input) {
    const values = input(form);
    const parsed = schema.safeParse(values);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error), values };
  }
  // No coercion: an empty field stays "" so that the schema's own message ("at least 50 characters")
  // is shown, not conform's "Required".
  const submission = parseWithZod(form, { schema, disableAutoCoercion: true });
  if (submission.status === "success") return { ok: true, value: submission.value };
  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(submission.error ?? {}))
    if (messages?.[0]) errors[name || "form"] = messages[0];
  return { ok: false, errors, values: submission.payload };
}

/** Runs the form's intent for the step: a 400 for an unknown intent or invalid fields. */
export async function runWorkspaceIntent(
  request: Request,
  context: AppLoadContext,
  form: FormData,
  step: WorkspaceStep,
) {
  const intent = z.enum(intents).safeParse(form.get("intent"));
  if (!intent.success)
    return data<ActionFailure>({ ok: false, intent: "unknown", message: "Unknown form action." }, { status: 400 });
  const { schema, input, permission, run } = workspaceIntents[intent.data];
  if (permission) await requireSignedInWithPermission(request, context, permission);
  if (!schema) return attempt(intent.data, () => run(step, undefined));
  const parsed = parseForm(form, schema, input);
  if (!parsed.ok)
    return data<ActionFailure>(
      { ok: false, intent: intent.data, errors: parsed.errors, values: parsed.values },
      { status: 400 },
    );
  return attempt(intent.data, () => run(step, parsed.value));
}
