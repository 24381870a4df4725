// The filter bar: a plain GET form (works without script), so every state is a URL: shareable and
// back-button safe. With script, empty fields are left out of the URL. Above the panels, a summary of
// the active filters, each removable, and a reset.
import { Form, Link, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { censusRegions, factorFamilies, factors, incidentTypes, lossPotentials } from "../../domain/taxonomy/index";
import { activeFilters, type DashboardState, hrefOf } from "./filter-schema";
import { comparisonChoices } from "./period-compare";
import { CodeOptions, SelectField } from "./select-field";

/**
 * Months are typed as YYYY-MM in a text field with a pattern: Chromium drew <input type="month"> without
 * a value as "--------- ----", and Firefox and Safari on desktop have no month picker at all.
 */
const MONTH_PATTERN = "\\d{4}-(0[1-9]|1[0-2])";

function withoutEmpty(form: FormData): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of form) {
    if (typeof value !== "string" || value === "") continue;
    if ((key === "compare" && value === "quarter") || (key === "vs" && value === "national")) continue;
    params.append(key, value);
  }
  return params;
}

export function FilterBar(props: {
  path: string;
  state: DashboardState;
  period: { from: string; to: string };
  /** Agency pages choose what to compare with; the national view chooses the funnel's factor. */
  variant: "agency" | "national" | "public";
}) {
  const { path, state, period, variant } = props;
  const submit = useSubmit();
  const key = JSON.stringify(state);
  const panel = useRef<HTMLDetailsElement>(null);
  // Folded on phones (the charts first); a wide screen unfolds it.
  useEffect(() => {
    if (panel.current && window.matchMedia("(min-width: 48rem)").matches) panel.current.open = true;
  }, []);
  const count = activeFilters(path, state).length;
  return (
    <details className="filter-panel" ref={panel}>
      <summary>Filters{count > 0 ? ` (${count} active)` : ""}</summary>
      <Form
        method="get"
        action={path}
        className="filter-bar"
        key={key}
        aria-label="Dashboard filters"
        onSubmit={(event) => {
          event.preventDefault();
          submit(withoutEmpty(new FormData(event.currentTarget)), {
            action: path,
            method: "get",
            preventScrollReset: true,
          });
        }}
      >
        <fieldset className="filter-period">
          <legend>Period (event months)</legend>
          <div className="field">
            <label htmlFor="f-from">From</label>
            <input
              id="f-from"
              type="text"
              inputMode="numeric"
              pattern={MONTH_PATTERN}
              maxLength={7}
              name="from"
              defaultValue={state.from ?? ""}
              placeholder={period.from}
              aria-describedby="f-period-hint"
            />
          </div>
          <div className="field">
            <label htmlFor="f-to">To</label>
            <input
              id="f-to"
              type="text"
              inputMode="numeric"
              pattern={MONTH_PATTERN}
              maxLength={7}
              name="to"
              defaultValue={state.to ?? ""}
              placeholder={period.to}
              aria-describedby="f-period-hint"
            />
          </div>
          <p className="hint" id="f-period-hint">
            Months written YYYY-MM, e.g. {period.from}. Empty: the latest 36 months with reports ({period.from} to{" "}
            {period.to}).
          </p>
          <SelectField id="f-compare" name="compare" label="Compare" defaultValue={state.compare}>
            <option value="quarter">Latest quarter with the previous and a year earlier</option>
            <option value="month">Latest month with the previous and a year earlier</option>
            <option value="year">Latest 12 months with the 12 before</option>
          </SelectField>
        </fieldset>
        {variant !== "agency" ? (
          <fieldset className="filter-period">
            <legend>Compare the factors with another period</legend>
            <div className="field">
              <label htmlFor="f-bfrom">From</label>
              <input
                id="f-bfrom"
                type="text"
                inputMode="numeric"
                pattern={MONTH_PATTERN}
                maxLength={7}
                name="bfrom"
                defaultValue={state.bfrom ?? ""}
                aria-describedby="f-bperiod-hint"
              />
            </div>
            <div className="field">
              <label htmlFor="f-bto">To</label>
              <input
                id="f-bto"
                type="text"
                inputMode="numeric"
                pattern={MONTH_PATTERN}
                maxLength={7}
                name="bto"
                defaultValue={state.bto ?? ""}
                aria-describedby="f-bperiod-hint"
              />
            </div>
            <p className="hint" id="f-bperiod-hint">
              Months written YYYY-MM: the factor profile of this period is shown beside the period's, with the
              difference. Or compare with{" "}
              {comparisonChoices(period).map((c, i) => (
                <span key={c.key}>
                  {i > 0 ? " or " : ""}
                  <Link to={hrefOf(path, { ...state, bfrom: c.bfrom, bto: c.bto })} preventScrollReset>
                    {c.label.charAt(0).toLowerCase() + c.label.slice(1)} ({c.bfrom} to {c.bto})
                  </Link>
                </span>
              ))}
              .
            </p>
          </fieldset>
        ) : null}
        <fieldset className="filter-codes">
          <legend>Reports</legend>
          <SelectField id="f-type" name="type" label="Incident type" defaultValue={state.type ?? ""}>
            <CodeOptions items={incidentTypes} all="All incident types" />
          </SelectField>
          <SelectField id="f-factor" name="factor" label="Contributing factor" defaultValue={state.factor ?? ""}>
            <option value="">All factors</option>
            {factorFamilies.map((family) => (
              <optgroup key={family.code} label={family.label}>
                <CodeOptions items={factors.filter((f) => f.family === family.code)} />
              </optgroup>
            ))}
          </SelectField>
          <SelectField id="f-loss" name="loss" label="Loss potential" defaultValue={state.loss ?? ""}>
            <CodeOptions items={lossPotentials} all="All" />
          </SelectField>
          <SelectField id="f-region" name="region" label="Census region" defaultValue={state.region ?? ""}>
            <CodeOptions items={censusRegions} all="All regions" />
          </SelectField>
          {variant === "agency" ? (
            <SelectField id="f-vs" name="vs" label="Compare your agency with" defaultValue={state.vs}>
              <option value="national">The nation, excluding your agency</option>
              <option value="size">Other agencies of your size</option>
              <option value="region">Other agencies in your region</option>
            </SelectField>
          ) : null}
          {variant === "national" ? (
            <SelectField id="f-funnel" name="funnel" label="Funnel plot factor" defaultValue={state.funnel ?? ""}>
              <CodeOptions items={factors} all="The most cited factor" />
            </SelectField>
          ) : null}
        </fieldset>
        <div className="filter-actions">
          <button type="submit" className="primary">
            Apply filters
          </button>
          <Link to={path} className="button">
            Reset
          </Link>
        </div>
      </Form>
    </details>
  );
}

export function ActiveFilters({ path, state }: { path: string; state: DashboardState }) {
  const active = activeFilters(path, state);
  if (active.length === 0)
    return <p className="active-filters-none">No filters: all reports of the latest 36 months.</p>;
  return (
    <div className="active-filters">
      <ul aria-label="Active filters">
        {active.map((f) => (
          <li key={f.key}>
            <Link to={f.removeHref} className="chip" preventScrollReset aria-label={`Remove filter: ${f.label}`}>
              {f.label} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link to={path} className="reset-link">
        Reset all
      </Link>
    </div>
  );
}
