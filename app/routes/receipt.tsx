import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useNavigation, useRouteError } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldErrorList } from "~/intake/form-fields";
import { requireIntakeKey } from "~/intake/intake-key.server";
import { INTAKE_CLOSED_MESSAGE } from "~/intake/intake-messages";
import { ANSWER_MAX } from "~/intake/receipt-form-schema";
import { answerReceipt, checkReceipt, type ReceiptActionData } from "~/intake/receipt-lookup.server";
import { ReceiptStatusView } from "~/intake/receipt-status-view";
import { readFormWithLimit, requireSameOrigin } from "~/intake/request-guards.server";
import intakeStyles from "~/styles/intake.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: intakeStyles }];

export const meta: MetaFunction = () => [{ title: "Check a report with your receipt — Close Call" }];

export async function loader({ context }: LoaderFunctionArgs) {
  requireIntakeKey(context);
  return null;
}

// The code travels only in POST bodies, never in a URL (URLs end up in histories and proxy logs).
export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const key = requireIntakeKey(context);
  const form = await readFormWithLimit(request);
  const field = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const addressKey = context.addressKey ?? "unknown";
  const intent = form.get("intent");
  let outcome: { status: number; data: ReceiptActionData };
  if (intent === "check") outcome = await checkReceipt(context, key, { code: field("code") }, addressKey);
  else if (intent === "answer")
    outcome = await answerReceipt(context, key, { code: field("code"), answer: field("answer") }, addressKey);
  else throw new Response("Unknown form action.", { status: 400 });
  return data(outcome.data, { status: outcome.status });
}

export default function ReceiptPage() {
  const result = useActionData<typeof action>() as ReceiptActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  if (result?.stage === "status") {
    return (
      <main className="page narrow intake-page" aria-labelledby="receipt-page-title">
        <h1 id="receipt-page-title">Your report</h1>
        <ReceiptStatusView view={result} busy={busy} />
      </main>
    );
  }
  return (
    <main className="page narrow intake-page" aria-labelledby="receipt-page-title">
      <h1 id="receipt-page-title">Check a report with your receipt</h1>
      <p>
        Enter the receipt code you were given when you sent your report to see its status and answer reviewers'
        questions.
      </p>
      {result?.formError ? (
        <p className="notice danger" role="alert">
          {result.formError}
        </p>
      ) : null}
      <Form method="post" noValidate className="receipt-form">
        <div className="field">
          <label htmlFor="code">Receipt code</label>
          <span className="hint" id="code-hint">
            24 letters and digits; dashes and spaces do not matter.
          </span>
          <input
            type="text"
            id="code"
            name="code"
            className="receipt-input"
            defaultValue={result?.code ?? ""}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={60}
            aria-invalid={result?.errors.code ? true : undefined}
            aria-describedby={result?.errors.code ? "code-hint code-error" : "code-hint"}
          />
          <FieldErrorList name="code" errors={result?.errors.code} />
        </div>
        <button type="submit" name="intent" value="check" className="primary" disabled={busy}>
          Check status
        </button>
      </Form>
      <p className="hint">
        Lost your code? It cannot be recovered: we keep only a scrambled form of it. You can{" "}
        <Link to="/report">send a new report</Link> that mentions the earlier one.
      </p>
      <p className="hint">Answers can be up to {ANSWER_MAX.toLocaleString("en-US")} characters.</p>
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 503) {
    return (
      <main className="page narrow error-page" aria-labelledby="intake-error-title">
        <p className="eyebrow">Error 503</p>
        <h1 id="intake-error-title">Receipts are unavailable</h1>
        <p>{INTAKE_CLOSED_MESSAGE}</p>
      </main>
    );
  }
  return <GeneralErrorBoundary />;
}
