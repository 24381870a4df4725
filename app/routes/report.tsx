import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IntakeAdvice } from "~/intake/intake-advice";
import { requireIntakeKey } from "~/intake/intake-key.server";
import { INTAKE_CLOSED_MESSAGE, TOO_LARGE_MESSAGE } from "~/intake/intake-messages";
import { ReceiptCard } from "~/intake/receipt-card";
import { EMPTY_INPUT, readReportForm } from "~/intake/report-form-schema";
import { ReportForm } from "~/intake/report-form";
import { readFormWithLimit, requireSameOrigin } from "~/intake/request-guards.server";
import { ReviewStep } from "~/intake/review-step";
import { reviewReport, sendReport, type ReportActionData } from "~/intake/submit-report.server";
import intakeStyles from "~/styles/intake.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: intakeStyles }];

export const meta: MetaFunction = () => [{ title: "Share a near miss — Close Call" }];

export async function loader({ context }: LoaderFunctionArgs) {
  requireIntakeKey(context);
  const thisYear = new Date().getUTCFullYear();
  return { years: Array.from({ length: 15 }, (_, i) => thisYear - i) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const key = requireIntakeKey(context);
  const form = await readFormWithLimit(request);
  const values = readReportForm(form);
  const intent = form.get("intent");
  const field = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  let outcome: { status: number; data: ReportActionData };
  const edit = typeof intent === "string" ? /^edit(?:-([0-5]))?$/.exec(intent) : null;
  if (edit) {
    // "Change …" beside a field the review flagged goes back to the step that holds it.
    outcome = { status: 200, data: { stage: "edit", values, errors: {}, step: Number(edit[1] ?? 0) } };
  } else if (intent === "review") {
    outcome = await reviewReport(context, values);
  } else if (intent === "send") {
    outcome = await sendReport(context, key, values, {
      challenge: field("challenge"),
      proof: field("proof"),
      honeypot: field("website"),
      addressKey: context.addressKey ?? "unknown",
    });
  } else {
    throw new Response("Unknown form action.", { status: 400 });
  }
  return data(outcome.data, { status: outcome.status });
}

export default function ReportPage() {
  const { years } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ReportActionData | undefined;
  return (
    <main className="page narrow intake-page" aria-labelledby="report-title">
      <h1 id="report-title">{result?.stage === "receipt" ? "Report sent" : "Share a near miss"}</h1>
      {result?.stage === "receipt" ? (
        <ReceiptCard receiptCode={result.receiptCode} retentionDays={result.retentionDays} />
      ) : result?.stage === "review" ? (
        <ReviewStep
          key={result.challenge}
          values={result.values}
          agencyName={result.agencyName}
          challenge={result.challenge}
          identifiers={result.identifiers}
          formError={result.formError}
        />
      ) : (
        <>
          {/* Back from the server with errors: the summary comes first, the advice was read already. */}
          {result?.stage === "edit" && (Object.keys(result.errors).length > 0 || result.formError) ? null : (
            <>
              <p className="lead">Five to ten minutes, no account, no name. Anonymous and non-disciplinary.</p>
              <p className="hint">
                Sent one already? <Link to="/receipt">Check my report</Link> with your receipt code.
              </p>
              <IntakeAdvice />
            </>
          )}
          <ReportForm
            key={result ? JSON.stringify(result) : "new"}
            values={result?.values ?? EMPTY_INPUT}
            errors={result?.stage === "edit" ? result.errors : {}}
            step={result?.stage === "edit" ? result.step : 0}
            formError={result?.stage === "edit" ? result.formError : undefined}
            fromServer={Boolean(result)}
            years={years}
          />
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && (error.status === 503 || error.status === 413)) {
    return (
      <main className="page narrow error-page" aria-labelledby="intake-error-title">
        <p className="eyebrow">Error {error.status}</p>
        <h1 id="intake-error-title">{error.status === 503 ? "Reporting is paused" : "Too large"}</h1>
        <p>{error.status === 503 ? INTAKE_CLOSED_MESSAGE : TOO_LARGE_MESSAGE}</p>
      </main>
    );
  }
  return <GeneralErrorBoundary />;
}
