import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { MONTH_NAMES } from "../../domain/period";
import {
  assignments,
  consentLevels,
  incidentTypes,
  lightConditions,
  lossPotentials,
  MAX_FACTORS_PER_REPORT,
  officerBands,
  serviceBands,
  states,
  timeBlocks,
  weatherConditions,
} from "../../domain/taxonomy";
import { OfflineFormOption } from "~/pwa/offline-form-option";
import { useOnline } from "~/pwa/use-online";
import { FactorFamilies } from "./factor-families";
import { deleteDraft, draftWaiting, markDraftWaiting, readDraft, writeDraft } from "./device-draft";
import { FieldErrorList, RadioGroup, SelectField, TextAreaField, TextField } from "./form-fields";
import {
  createReportFormSchema,
  errorsForStep,
  fieldErrorsOf,
  firstStepWithErrors,
  readReportForm,
  STEPS,
  TEXT_MAX,
  TEXT_MIN,
  TITLE_MAX,
  type FieldErrors,
  type ReportFormInput,
} from "./report-form-schema";

const MONTHS = MONTH_NAMES.map((label, i) => ({ code: String(i + 1).padStart(2, "0"), label }));
const STATE_OPTIONS = states.map((s) => ({ code: s.code, label: s.name }));
const CONSENT_DESCRIPTIONS: Record<string, string> = {
  national: "The default. Your report counts only in national figures; nothing links it to an agency.",
  agency_stats: "Your agency sees it only inside counts of 10 or more reports, never as a report marked as yours.",
  agency_share: "As above, and your agency's team can also read the published, de-identified report.",
};

interface ReportFormProps {
  values: ReportFormInput;
  errors: FieldErrors;
  step: number;
  formError?: string;
  years: number[];
  /** True when the values came back from the server (an error): a saved draft must not replace them. */
  fromServer: boolean;
}

/**
 * The report form. Without JavaScript every step is one section of a single long form, posted to the
 * server for checking and review. With JavaScript the same sections are shown one at a time, each
 * checked with the shared schema before moving on; the post to the server is the same.
 */
export function ReportForm(props: ReportFormProps) {
  const [hydrated, setHydrated] = useState(false);
  const [values, setValues] = useState(props.values);
  const [formKey, setFormKey] = useState(0);
  const [draftOn, setDraftOn] = useState(false);
  const [draftRestored, setDraftRestored] = useState(false);
  const [step, setStep] = useState(props.step);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [consent, setConsent] = useState(props.values.consentLevel);
  const [ticked, setTicked] = useState<readonly string[]>(props.values.factors);
  // The officer pressed "Review" without a connection: nothing was sent; once online, ask before sending.
  const [heldOffline, setHeldOffline] = useState(false);
  const online = useOnline();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = clientErrors ?? props.errors;

  useEffect(() => {
    setHydrated(true);
    const draft = readDraft();
    if (!draft) return;
    setDraftOn(true);
    if (!props.fromServer) {
      setValues(draft);
      setConsent(draft.consentLevel);
      setTicked(draft.factors);
      setFormKey((k) => k + 1); // the fields are uncontrolled: remount them with the draft
      setDraftRestored(true);
      if (draftWaiting()) setHeldOffline(true);
    }
  }, [props.fromServer]);

  const currentValues = () => (formRef.current ? readReportForm(new FormData(formRef.current)) : values);
  const onFormChange = (event: React.FormEvent<HTMLFormElement>) => {
    if ((event.target as HTMLInputElement).name === "factors") setTicked(currentValues().factors);
    if (draftOn) writeDraft(currentValues());
  };
  const toggleDraft = (on: boolean) => {
    setDraftOn(on);
    if (on) {
      writeDraft(currentValues());
      if (heldOffline) markDraftWaiting(true);
    } else deleteDraft();
  };
  const goTo = (index: number) => {
    setStep(index);
    topRef.current?.scrollIntoView({ block: "start" });
    topRef.current?.focus();
  };
  const focusFirstError = (index: number, found: FieldErrors) => {
    const first = STEPS[index]!.fields.find((f) => found[f]);
    formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };
  const checkStep = (index: number): boolean => {
    const parsed = createReportFormSchema().safeParse(currentValues());
    const stepErrors = parsed.success ? {} : errorsForStep(fieldErrorsOf(parsed.error), index);
    // Rendered before the focus moves, so a screen reader reads the field together with its error.
    flushSync(() => setClientErrors(stepErrors));
    if (Object.keys(stepErrors).length === 0) return true;
    focusFirstError(index, stepErrors);
    return false;
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const parsed = createReportFormSchema().safeParse(currentValues());
    if (parsed.success) {
      if (navigator.onLine) return setHeldOffline(false);
      event.preventDefault();
      setHeldOffline(true);
      if (draftOn) {
        writeDraft(currentValues());
        markDraftWaiting(true);
      }
      return;
    }
    event.preventDefault();
    const all = fieldErrorsOf(parsed.error);
    const index = firstStepWithErrors(all);
    flushSync(() => {
      setClientErrors(all);
      setStep(index);
    });
    focusFirstError(index, all);
  };

  // Back online: the officer confirms, and the usual server review (proof of work, "Send report") follows.
  const reviewNow = () => {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    data.set("intent", "review");
    setHeldOffline(false);
    submit(data, { method: "post" });
  };
  const notNow = () => {
    setHeldOffline(false);
    if (draftOn) markDraftWaiting(false);
  };

  const last = STEPS.length - 1;
  return (
    <div className="report-form" ref={topRef} tabIndex={-1}>
      <StepProgress current={hydrated ? step : null} />
      {props.formError ? (
        <p className="notice danger" role="alert">
          {props.formError}
        </p>
      ) : null}
      {Object.keys(props.errors).length > 0 && !clientErrors ? (
        <ErrorSummary
          errors={props.errors}
          onPick={
            hydrated
              ? (index, target) => {
                  setStep(index);
                  setTimeout(() => document.getElementById(target)?.focus());
                }
              : undefined
          }
        />
      ) : null}
      <Form
        method="post"
        ref={formRef}
        key={formKey}
        onSubmit={onSubmit}
        onChange={onFormChange}
        noValidate
        className="report-steps"
      >
        <section
          id="step-what"
          className="form-step"
          tabIndex={-1}
          hidden={hydrated && step !== 0}
          aria-labelledby="step-what-title"
        >
          <h2 id="step-what-title">
            <span className="step-number">1</span> What happened
          </h2>
          <TextField
            name="title"
            label="A short title"
            maxLength={TITLE_MAX}
            defaultValue={values.title}
            errors={errors.title}
            hint="For example: “Second weapon missed during a pat-down”. No names or places."
          />
          <TextAreaField
            name="narrative"
            label="What happened"
            min={TEXT_MIN}
            max={TEXT_MAX}
            defaultValue={values.narrative}
            errors={errors.narrative}
            rows={10}
            hint={
              "In your own words: what you saw, what you did, what nearly went wrong and what broke the chain. " +
              "Leave out names, badge, unit and car numbers, addresses and exact dates."
            }
          />
        </section>

        <section
          id="step-factors"
          className="form-step"
          tabIndex={-1}
          hidden={hydrated && step !== 1}
          aria-labelledby="step-factors-title"
        >
          <h2 id="step-factors-title">
            <span className="step-number">2</span> What contributed
          </h2>
          <p className="hint" id="factors-hint">
            Optional. Tick up to {MAX_FACTORS_PER_REPORT} that mattered most; reviewers make the final choice.
          </p>
          <FieldErrorList name="factors" errors={errors.factors} />
          <FactorFamilies initial={values.factors} ticked={ticked} />
        </section>

        <section
          id="step-lessons"
          className="form-step"
          tabIndex={-1}
          hidden={hydrated && step !== 2}
          aria-labelledby="step-lessons-title"
        >
          <h2 id="step-lessons-title">
            <span className="step-number">3</span> Lessons learned
          </h2>
          <TextAreaField
            name="lessons"
            label="What should other officers take from this?"
            min={TEXT_MIN}
            max={TEXT_MAX}
            defaultValue={values.lessons}
            errors={errors.lessons}
            hint="What would you do differently, what worked, what training or equipment would have helped."
          />
        </section>

        <section
          id="step-context"
          className="form-step"
          tabIndex={-1}
          hidden={hydrated && step !== 3}
          aria-labelledby="step-context-title"
        >
          <h2 id="step-context-title">
            <span className="step-number">4</span> When and where
          </h2>
          <p className="hint">
            Everything here is coarse on purpose: a month, a 4-hour block, a state. Only the incident type, month and
            state are required.
          </p>
          <SelectField
            name="incidentType"
            label="Kind of incident"
            placeholder="Choose…"
            options={incidentTypes}
            defaultValue={values.incidentType}
            errors={errors.incidentType}
          />
          <div className="field-row">
            <SelectField
              name="eventMonth"
              label="Month"
              placeholder="Month…"
              options={MONTHS}
              defaultValue={values.eventMonth}
              errors={errors.eventMonth}
            />
            <SelectField
              name="eventYear"
              label="Year"
              placeholder="Year…"
              options={props.years.map((y) => ({ code: String(y), label: String(y) }))}
              defaultValue={values.eventYear}
              errors={errors.eventYear}
            />
          </div>
          <SelectField
            name="state"
            label="State"
            hint="Used for regional statistics only; never shown on the report."
            placeholder="Choose…"
            options={STATE_OPTIONS}
            defaultValue={values.state}
            errors={errors.state}
          />
          <SelectField
            name="timeBlock"
            label="Time of day"
            placeholder="Prefer not to say"
            options={timeBlocks}
            defaultValue={values.timeBlock}
            errors={errors.timeBlock}
          />
          <SelectField
            name="light"
            label="Light"
            placeholder="Prefer not to say"
            options={lightConditions}
            defaultValue={values.light}
            errors={errors.light}
          />
          <SelectField
            name="weather"
            label="Weather"
            placeholder="Prefer not to say"
            options={weatherConditions}
            defaultValue={values.weather}
            errors={errors.weather}
          />
          <SelectField
            name="officersOnScene"
            label="Officers on scene"
            placeholder="Prefer not to say"
            options={officerBands}
            defaultValue={values.officersOnScene}
            errors={errors.officersOnScene}
          />
          <SelectField
            name="assignment"
            label="Your assignment"
            placeholder="Prefer not to say"
            options={assignments}
            defaultValue={values.assignment}
            errors={errors.assignment}
          />
          <SelectField
            name="serviceBand"
            label="Your years of service"
            placeholder="Prefer not to say"
            options={serviceBands}
            defaultValue={values.serviceBand}
            errors={errors.serviceBand}
          />
        </section>

        <section
          id="step-severity"
          className="form-step"
          tabIndex={-1}
          hidden={hydrated && step !== 4}
          aria-labelledby="step-severity-title"
        >
          <h2 id="step-severity-title">
            <span className="step-number">5</span> How bad it could have been
          </h2>
          <RadioGroup
            name="lossPotential"
            label="If the chain had not been broken, the worst likely outcome was…"
            options={lossPotentials}
            defaultValue={values.lossPotential}
            errors={errors.lossPotential}
          />
        </section>

        <section
          id="step-sharing"
          className="form-step"
          tabIndex={-1}
          hidden={hydrated && step !== 5}
          aria-labelledby="step-sharing-title"
        >
          <h2 id="step-sharing-title">
            <span className="step-number">6</span> Agency sharing
          </h2>
          <div
            onChange={(e) => {
              const t = e.target as HTMLInputElement;
              if (t.name === "consentLevel") setConsent(t.value);
            }}
          >
            <RadioGroup
              name="consentLevel"
              label="Who may count this report?"
              defaultValue={values.consentLevel || "national"}
              errors={errors.consentLevel}
              options={consentLevels.map((c) => ({ ...c, description: CONSENT_DESCRIPTIONS[c.code] }))}
            />
          </div>
          <div hidden={hydrated && consent === "national"}>
            <TextField
              name="partnerCode"
              label="Your agency's partner code"
              defaultValue={values.partnerCode}
              errors={errors.partnerCode}
              maxLength={40}
              hint={
                "Only if you chose to count or share with your agency. Your agency gives it to its officers: 15 " +
                "letters and digits, like ABCDE-12345-FGHJK."
              }
            />
          </div>
        </section>

        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">Leave this empty</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        {heldOffline ? (
          <OfflineNotice online={online} draftOn={draftOn} onReview={reviewNow} onDismiss={notNow} />
        ) : null}
        {hydrated ? (
          <div className="draft-option">
            <label className="choice">
              <input type="checkbox" checked={draftOn} onChange={(e) => toggleDraft(e.currentTarget.checked)} />
              <span>
                Keep a draft on this device
                <span className="hint">
                  Off unless you turn it on. Anyone using this browser could read it. It is deleted when you send.
                </span>
              </span>
            </label>
            {draftOn ? (
              <button type="button" className="danger" onClick={() => toggleDraft(false)}>
                Delete draft
              </button>
            ) : null}
            {draftRestored && draftOn ? (
              <p className="hint" role="status">
                Your draft from this device was restored.
              </p>
            ) : null}
          </div>
        ) : null}
        {hydrated ? <OfflineFormOption /> : null}

        <div className="form-actions step-actions">
          {hydrated && step > 0 ? (
            <button
              key="back"
              type="button"
              onClick={() => {
                setClientErrors(null);
                goTo(step - 1);
              }}
            >
              Back
            </button>
          ) : null}
          {hydrated && step < last ? (
            // Distinct keys: React must not turn the clicked "Next" button into the submit button mid-click.
            <button key="next" type="button" className="primary" onClick={() => checkStep(step) && goTo(step + 1)}>
              Next: {STEPS[step + 1]!.title}
            </button>
          ) : (
            <button key="review" type="submit" name="intent" value="review" className="primary" disabled={busy}>
              {busy ? "Checking…" : "Review my report"}
            </button>
          )}
        </div>
      </Form>
    </div>
  );
}

/** Nothing was sent without a connection; once back online, the officer decides whether to send. */
function OfflineNotice({
  online,
  draftOn,
  onReview,
  onDismiss,
}: {
  online: boolean;
  draftOn: boolean;
  onReview: () => void;
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Announced by role=alert; on a phone it would otherwise appear out of sight, above the buttons.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "center" }); // newer browsers return a promise: not a cleanup
  }, [online]);
  return (
    <div className={`notice offline-notice${online ? " info" : ""}`} role="alert" ref={ref}>
      {online ? (
        <>
          <p>
            <strong>You are back online.</strong> Send the report you wrote without a connection? You will see it once
            more before it goes.
          </p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={onReview}>
              Review my report now
            </button>
            <button type="button" onClick={onDismiss}>
              Not now
            </button>
          </div>
        </>
      ) : (
        <p>
          <strong>You are offline: nothing was sent.</strong>{" "}
          {draftOn
            ? "Your report is kept on this device as a draft. When you are back online, this form asks you before " +
              "sending it."
            : "To keep your report if this page closes, turn on “Keep a draft on this device”. Otherwise keep " +
              "this page open until you are back online."}
        </p>
      )}
    </div>
  );
}

function StepProgress({ current }: { current: number | null }) {
  const total = STEPS.length + 1;
  return (
    <nav className="step-progress" aria-label="Steps">
      {current !== null ? (
        <p className="step-count">
          Step {current + 1} of {total}: <strong>{STEPS[current]!.title}</strong>
          <span className="progress-bar" aria-hidden="true">
            <span style={{ width: `${((current + 1) / total) * 100}%` }} />
          </span>
        </p>
      ) : null}
      <ol className={current !== null ? "visually-hidden" : "step-list"}>
        {STEPS.map((s, i) => (
          <li key={s.id} aria-current={current === i ? "step" : undefined}>
            {current === null ? <a href={`#step-${s.id}`}>{s.title}</a> : s.title}
          </li>
        ))}
        <li>Review and send</li>
      </ol>
    </nav>
  );
}

// Choice fields have no single element to focus: their links go to the step's section instead.
const CHOICE_FIELDS = new Set(["factors", "lossPotential", "consentLevel"]);

/** A list of every error with a link to its field: on the long no-JavaScript page it saves a search. */
function ErrorSummary({ errors, onPick }: { errors: FieldErrors; onPick?: (step: number, target: string) => void }) {
  const entries = STEPS.flatMap((step, index) =>
    step.fields
      .filter((field) => errors[field]?.length)
      .map((field) => ({
        field,
        index,
        message: errors[field]![0]!,
        target: CHOICE_FIELDS.has(field) ? `step-${step.id}` : field,
      })),
  );
  return (
    <div className="notice danger error-summary" role="alert">
      <p>
        <strong>Some answers need a change.</strong> Nothing you wrote was lost.
      </p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.field}>
            <a
              href={`#${entry.target}`}
              onClick={
                onPick
                  ? (event) => {
                      event.preventDefault();
                      onPick(entry.index, entry.target);
                    }
                  : undefined
              }
            >
              {entry.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
