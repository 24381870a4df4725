import { type ActionFunctionArgs, data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { applyForPartnership } from "~/auth/accounts.server";
import { AgencyApplicationSchema, fieldErrors } from "~/auth/forms";
import { consumeAttempt } from "~/auth/rate-limits.server";
import { FormError, SelectField, TextField } from "~/auth/ui/fields";
import { requireAuditLog } from "~/auth/account-secrets.server";
import { accountPage } from "~/auth/ui/account-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { keepRetryAfter } from "~/http/keep-retry-after";
import { agencySizeBands } from "../../domain/taxonomy/v1";
import { states } from "../../domain/taxonomy/states";

export const { links, meta } = accountPage("Apply to become a partner agency");
export const headers = keepRetryAfter;

const stateOptions = states.map((s) => ({ value: s.code, label: s.name }));
const sizeOptions = agencySizeBands.map((b) => ({ value: b.code, label: b.label }));

export async function action({ request, context }: ActionFunctionArgs) {
  requireAuditLog();
  const form = await request.formData();
  const values = {
    agencyName: String(form.get("agencyName") ?? "").slice(0, 200),
    state: String(form.get("state") ?? ""),
    sizeBand: String(form.get("sizeBand") ?? ""),
    contactName: String(form.get("contactName") ?? "").slice(0, 200),
    contactEmail: String(form.get("contactEmail") ?? "").slice(0, 254),
  };
  const parsed = AgencyApplicationSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, submitted: false }, { status: 400 });
  await consumeAttempt(context.db, "applications", "all");
  const result = await applyForPartnership(context.db, parsed.data);
  if (!result.ok) {
    return data(
      {
        errors: {
          agencyName:
            "This agency has already applied or is already a partner. Contact the programme if you need help.",
        } as Record<string, string>,
        values,
        submitted: false,
      },
      { status: 400 },
    );
  }
  return { errors: {} as Record<string, string>, values, submitted: true };
}

export default function ApplyForPartnership() {
  const actionData = useActionData<typeof action>();
  if (actionData?.submitted) {
    return (
      <main className="page narrow auth-page" aria-labelledby="apply-title">
        <h1 id="apply-title">Application received</h1>
        <p>
          Thank you. A programme administrator will review the application for{" "}
          <strong>{actionData.values.agencyName}</strong>. If it is approved, you will receive a one-time link to set up
          the commander account, and your agency's partner code.
        </p>
      </main>
    );
  }
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <main className="page narrow auth-page" aria-labelledby="apply-title">
      <h1 id="apply-title">Apply to become a partner agency</h1>
      <p>
        Partner agencies see their own near-miss risk profile next to national trends. Officers count a report toward
        their agency only if they choose to, with the agency's partner code; the agency never sees who reported.
      </p>
      <FormError message={errors.form} />
      <Form method="post">
        <TextField
          name="agencyName"
          label="Agency name"
          required
          maxLength={120}
          defaultValue={values?.agencyName}
          error={errors.agencyName}
          autoComplete="organization"
        />
        <SelectField
          name="state"
          label="State"
          options={stateOptions}
          placeholder="Choose a state"
          defaultValue={values?.state}
          error={errors.state}
        />
        <SelectField
          name="sizeBand"
          label="Sworn officers"
          options={sizeOptions}
          placeholder="Choose a size"
          defaultValue={values?.sizeBand}
          error={errors.sizeBand}
        />
        <TextField
          name="contactName"
          label="Your name"
          hint="You become the agency's commander in Close Call if the application is approved."
          required
          maxLength={80}
          defaultValue={values?.contactName}
          error={errors.contactName}
          autoComplete="name"
        />
        <TextField
          name="contactEmail"
          label="Your work email"
          type="email"
          required
          maxLength={254}
          defaultValue={values?.contactEmail}
          error={errors.contactEmail}
          autoComplete="email"
        />
        <div className="form-actions">
          <button type="submit" className="primary">
            Send application
          </button>
        </div>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
