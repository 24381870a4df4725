import type { AppLoadContext } from "@remix-run/node";
import { findActiveAgencyByPartnerCode } from "../../db/agencies/agency-repository";
import type { ServerKey } from "../../db/intake/server-key";
import { createSubmission } from "../../db/intake/submission-repository";
import type { SubmissionPayload } from "../../db/intake/submission-payload";
import { getAbuseGuard, type ProofResult } from "./abuse-guard.server";
import type { IdentifierWarning } from "./identifier-warnings";
import { identifierWarnings } from "./identifier-warnings.server";
import {
  createReportFormSchema,
  fieldErrorsOf,
  firstStepWithErrors,
  type FieldErrors,
  type ParsedReport,
  type ReportFormInput,
} from "./report-form-schema";

export type ReportActionData =
  | { stage: "edit"; values: ReportFormInput; errors: FieldErrors; step: number; formError?: string }
  | {
      stage: "review";
      values: ReportFormInput;
      agencyName: string | null;
      challenge: string;
      identifiers: IdentifierWarning[];
      formError?: string;
    }
  | { stage: "receipt"; receiptCode: string; retentionDays: number };

export interface ActionOutcome {
  status: number;
  data: ReportActionData;
}

type Checked =
  { ok: true; report: ParsedReport; agency: { id: string; name: string } | null } | { ok: false; errors: FieldErrors };

/** The shared schema, then the one rule that needs the database: the partner code must be current. */
async function checkReport(context: AppLoadContext, values: ReportFormInput): Promise<Checked> {
  const parsed = createReportFormSchema().safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
  const report = parsed.data;
  if (report.partnerCode === null) return { ok: true, report, agency: null };
  const agency = await findActiveAgencyByPartnerCode(context.db, report.partnerCode);
  if (!agency) {
    return {
      ok: false,
      errors: {
        partnerCode: [
          "This partner code is not recognised (it may have been replaced). Check it with your agency, or choose " +
            "National only.",
        ],
      },
    };
  }
  return { ok: true, report, agency: { id: agency.id, name: agency.name } };
}

function editWith(values: ReportFormInput, errors: FieldErrors, formError?: string): ActionOutcome {
  return { status: 400, data: { stage: "edit", values, errors, step: firstStepWithErrors(errors), formError } };
}

/** Step "review": everything checked, shown back before sending, with a fresh proof-of-work challenge. */
export async function reviewReport(context: AppLoadContext, values: ReportFormInput): Promise<ActionOutcome> {
  const checked = await checkReport(context, values);
  if (!checked.ok) return editWith(values, checked.errors);
  const challenge = await getAbuseGuard().issueChallenge();
  return {
    status: 200,
    data: {
      stage: "review",
      values,
      agencyName: checked.agency?.name ?? null,
      challenge,
      identifiers: identifierWarnings(values),
    },
  };
}

const proofMessages: Record<Exclude<ProofResult, "verified" | "no-script">, string> = {
  missing: "The security check was missing. Press Send again.",
  invalid: "The security check did not pass. Press Send again.",
  expired: "The security check expired while the page was open. Press Send again.",
  replayed: "This page was already used to send a report. If you meant to send another one, press Send again.",
  "too-soon": "Please read through your report once more, then press Send.",
};

export interface SendExtras {
  challenge: string;
  proof: string;
  honeypot: string;
  addressKey: string;
}

function toPayload(report: ParsedReport): SubmissionPayload {
  return {
    version: 1,
    title: report.title,
    narrative: report.narrative,
    lessons: report.lessons,
    factors: report.factors,
    incidentType: report.incidentType,
    eventMonth: report.eventMonth,
    timeBlock: report.timeBlock,
    light: report.light,
    weather: report.weather,
    officersOnScene: report.officersOnScene,
    assignment: report.assignment,
    serviceBand: report.serviceBand,
    state: report.state,
    lossPotential: report.lossPotential,
  };
}

/**
 * Step "send": checks again (the hidden fields could have been changed), then the honeypot, the proof
 * of work and the hourly caps, then stores. The receipt is returned only after the INSERT committed.
 */
export async function sendReport(
  context: AppLoadContext,
  key: ServerKey,
  values: ReportFormInput,
  extras: SendExtras,
): Promise<ActionOutcome> {
  const checked = await checkReport(context, values);
  if (!checked.ok) return editWith(values, checked.errors);
  if (extras.honeypot.trim() !== "") {
    return editWith(
      values,
      {},
      "A field meant to stay empty was filled in (perhaps by autofill). Your report was not sent; check it and " +
        "send again.",
    );
  }
  const guard = getAbuseGuard();
  const retry = async (status: number, formError: string): Promise<ActionOutcome> => ({
    status,
    data: {
      stage: "review",
      values,
      agencyName: checked.agency?.name ?? null,
      challenge: await guard.issueChallenge(),
      identifiers: identifierWarnings(values),
      formError,
    },
  });
  const proof = await guard.checkProof(extras.challenge, extras.proof);
  if (proof !== "verified" && proof !== "no-script") return retry(400, proofMessages[proof]);
  if (!(await guard.takeSubmission(extras.addressKey, proof === "no-script"))) {
    return retry(
      429,
      "Too many reports were sent in the last hour, so we cannot accept this one right now. Nothing was lost: " +
        "keep this page open and press Send again later.",
    );
  }
  const created = await createSubmission(context.db, key, {
    payload: toPayload(checked.report),
    consentLevel: checked.report.consentLevel,
    agencyId: checked.agency?.id ?? null,
  });
  return {
    status: 200,
    data: { stage: "receipt", receiptCode: created.receiptCode, retentionDays: context.config.retentionDays },
  };
}
