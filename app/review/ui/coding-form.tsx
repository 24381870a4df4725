import { Form } from "@remix-run/react";
import {
  assignments,
  factorFamilies,
  factors,
  incidentTypes,
  labels,
  lightConditions,
  lossPotentials,
  MAX_FACTORS_PER_REPORT,
  officerBands,
  serviceBands,
  timeBlocks,
  weatherConditions,
} from "../../../domain/taxonomy/index";
import type { Coding } from "../../../domain/review/coding";
import { CsrfInput } from "~/auth/ui/fields";
import { FieldLabel } from "~/components/field-label";

type Options = readonly { code: string; label: string }[];

function Select({
  name,
  label,
  options,
  value,
  error,
  optional,
  hint,
}: {
  name: string;
  label: string;
  options: Options;
  value?: string | null;
  error?: string;
  optional?: boolean;
  hint?: string;
}) {
  const id = `coding-${name}`;
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      >
        <option value="">{optional ? "Not known / leave out" : "Choose…"}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Coding with taxonomy v1: one incident type, up to five factors (the officer's suggestions marked),
 * loss potential and the coarse context fields. A rare assignment or detail is generalised to "Other".
 */
export function CodingForm({
  coding,
  suggested,
  csrf,
  editable,
  errors,
}: {
  coding: Partial<Coding>;
  suggested: { factors: string[]; incidentType: string };
  csrf: string;
  editable: boolean;
  errors?: Record<string, string>;
}) {
  const chosen = new Set(coding.factors ?? []);
  return (
    <section className="pane coding" aria-labelledby="coding-title">
      <h2 id="coding-title">
        Coding <span className="pane-note">taxonomy v1</span>
      </h2>
      <Form method="post" preventScrollReset key={JSON.stringify(coding)}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="coding" />
        <fieldset disabled={!editable} className="coding-fields">
          <Select
            name="incidentType"
            label="Incident type"
            options={incidentTypes}
            value={coding.incidentType}
            error={errors?.incidentType}
            hint={`Officer chose: ${labels.incidentType(suggested.incidentType)}`}
          />
          <fieldset className="factor-fieldset" aria-describedby={errors?.factors ? "factors-error" : "factors-hint"}>
            <legend>Contributing factors (1–{MAX_FACTORS_PER_REPORT})</legend>
            <span className="hint" id="factors-hint">
              ★ marks the officer's suggestions.
            </span>
            {errors?.factors ? (
              <p className="field-error" id="factors-error">
                {errors.factors}
              </p>
            ) : null}
            <div className="factor-families">
              {factorFamilies.map((family) => (
                <div key={family.code} className="factor-family">
                  <p className="family-label">{family.label}</p>
                  {factors
                    .filter((f) => f.family === family.code)
                    .map((f) => (
                      <label key={f.code} className="check">
                        <input type="checkbox" name="factors" value={f.code} defaultChecked={chosen.has(f.code)} />
                        <span>
                          {f.label}
                          {suggested.factors.includes(f.code) ? (
                            <span className="suggested" title="Suggested by the officer">
                              {" "}
                              ★
                            </span>
                          ) : null}
                        </span>
                      </label>
                    ))}
                </div>
              ))}
            </div>
          </fieldset>
          <div className="coding-grid">
            <Select
              name="lossPotential"
              label="Loss potential"
              options={lossPotentials}
              value={coding.lossPotential}
              error={errors?.lossPotential}
            />
            <div className="field">
              <label htmlFor="coding-eventMonth">Event month</label>
              <span className="hint" id="coding-eventMonth-hint">
                YYYY-MM: never a day.
              </span>
              <input
                type="text"
                id="coding-eventMonth"
                name="eventMonth"
                defaultValue={coding.eventMonth ?? ""}
                inputMode="numeric"
                maxLength={7}
                pattern="\d{4}-\d{2}"
                aria-invalid={errors?.eventMonth ? true : undefined}
                aria-describedby={
                  errors?.eventMonth ? "coding-eventMonth-hint coding-eventMonth-error" : "coding-eventMonth-hint"
                }
              />
              {errors?.eventMonth ? (
                <p className="field-error" id="coding-eventMonth-error">
                  {errors.eventMonth}
                </p>
              ) : null}
            </div>
            <Select name="timeBlock" label="Time block" options={timeBlocks} value={coding.timeBlock} optional />
            <Select name="light" label="Light" options={lightConditions} value={coding.light} optional />
            <Select name="weather" label="Weather" options={weatherConditions} value={coding.weather} optional />
            <Select
              name="officersBand"
              label="Officers on scene"
              options={officerBands}
              value={coding.officersBand}
              optional
            />
            <Select
              name="assignment"
              label="Assignment"
              options={assignments}
              value={coding.assignment}
              optional
              hint="A rare assignment that could identify someone: choose Other."
            />
            <Select
              name="serviceBand"
              label="Years of service"
              options={serviceBands}
              value={coding.serviceBand}
              optional
            />
          </div>
          {editable ? <button type="submit">Save coding</button> : null}
        </fieldset>
      </Form>
    </section>
  );
}
