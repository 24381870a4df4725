// The page's choices as a plain GET form (works without script; with it, Remix navigates in the page).
// Choices are among the book's tables: a released year or quarter, an incident type only for years with
// the incident type × factor table, a factor to follow, a reference; and months of publication for the
// reports shared with the agency — as selects of months, never a bare month input (Chromium
// drew those as "--------- ----").
import { Form } from "@remix-run/react";
import { monthIndex, monthLabel } from "../../../domain/period";
import { factors, incidentTypes } from "../../../domain/taxonomy/index";
import { agencyReferences } from "../agency-state";
import type { AgencyBookView } from "../agency-view-types";
import { formatBin } from "../period-label";
import { CodeOptions, SelectField } from "../select-field";
import { BookPeriodOptions } from "./period-options";
import { bookPeriodText } from "./words";

/** Months offered for the shared layer: ten years back from the latest month of publication. */
export const SHARED_MONTH_CHOICES = 120;

export function monthChoices(latest: string, count = SHARED_MONTH_CHOICES): string[] {
  const last = monthIndex(latest);
  return Array.from({ length: count }, (_, i) => monthLabel(last - i));
}

function MonthSelect({
  name,
  label,
  value,
  months,
}: {
  name: "from" | "to";
  label: string;
  value: string;
  months: string[];
}) {
  const list = months.includes(value) ? months : [value, ...months];
  return (
    <SelectField id={`choice-${name}`} name={name} label={label} defaultValue={value}>
      {list.map((m) => (
        <option key={m} value={m}>
          {formatBin(m)}
        </option>
      ))}
    </SelectField>
  );
}

export function ChoiceForm({ view }: { view: AgencyBookView }) {
  const { choices, resolved, state } = view;
  const matrixYear = choices.matrixYears.includes(resolved.period);
  const months = monthChoices(resolved.sharedLatest);
  return (
    // Folded away on phones once the page runs (see usePhoneFolding), open without script.
    <details className="choice-panel" open>
      <summary>
        Choices: {bookPeriodText(resolved.period)} · {choices.referenceLabels[resolved.reference]}
      </summary>
      {/* A new key per view: the selects show the view's choices again after back/forward. */}
      <Form
        method="get"
        action="/agency"
        className="book-choices"
        aria-label="What the dashboard shows"
        key={JSON.stringify(resolved) + JSON.stringify(state)}
      >
        <fieldset>
          <legend>All reports counted toward your agency (release book)</legend>
          <SelectField id="choice-period" name="period" label="Period of publication" defaultValue={resolved.period}>
            <BookPeriodOptions years={choices.years} quarters={choices.quarters} />
          </SelectField>
          {matrixYear ? (
            <SelectField id="choice-type" name="type" label="Incident type" defaultValue={state.type ?? ""}>
              <CodeOptions items={incidentTypes} all="All incident types" />
            </SelectField>
          ) : (
            <p className="hint choice-note">
              {choices.matrixYears.length
                ? `An incident type can be chosen for the years ${choices.matrixYears.join(", ")}, ` +
                  "whose incident type table is released."
                : "No year of your agency's book has the incident type table yet (it needs enough reports)."}
            </p>
          )}
          <SelectField id="choice-factor" name="factor" label="Factor to follow" defaultValue={state.factor ?? ""}>
            <CodeOptions items={factors} all="Your agency's top five" />
          </SelectField>
          <SelectField id="choice-vs" name="vs" label="Compare with" defaultValue={resolved.reference}>
            {agencyReferences.map((r) => (
              <option key={r} value={r}>
                {choices.referenceLabels[r]}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <fieldset>
          <legend>Reports shared with your agency</legend>
          <MonthSelect name="from" label="From month of publication" value={resolved.sharedFrom} months={months} />
          <MonthSelect name="to" label="To month of publication" value={resolved.sharedTo} months={months} />
        </fieldset>
        <div className="choice-actions">
          <button type="submit" className="primary">
            Show
          </button>
          <a href="/agency" className="reset-link">
            Back to the defaults
          </a>
        </div>
      </Form>
    </details>
  );
}
