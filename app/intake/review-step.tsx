import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { MONTH_NAMES } from "../../domain/period";
import { labels, states } from "../../domain/taxonomy";
import {
  FIELD_LABELS,
  FIELD_STEPS,
  type CheckedField,
  type IdentifierWarning,
  looksLike,
  markedPieces,
} from "./identifier-warnings";
import { ProofOfWorkStatus, useProofOfWork } from "./proof-of-work";
import { TEXT_FIELDS, type ReportFormInput } from "./report-form-schema";

/** Every answer shown back before sending; the answers travel on as hidden fields (no cookies, no storage). */
export function ReviewStep({
  values,
  agencyName,
  challenge,
  identifiers,
  formError,
}: {
  values: ReportFormInput;
  agencyName: string | null;
  challenge: string;
  identifiers: IdentifierWarning[];
  formError?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const [hydrated, setHydrated] = useState(false);
  const [offline, setOffline] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { proof, state } = useProofOfWork(challenge);
  const stateName = states.find((s) => s.code === values.state)?.name ?? values.state;
  const optional = (label: string) => ((values as unknown as Record<string, string>)[label] ? null : "Not given");
  const rows: [string, React.ReactNode][] = [
    ["Kind of incident", labels.incidentType(values.incidentType)],
    ["When", `${MONTH_NAMES[Number(values.eventMonth) - 1] ?? ""} ${values.eventYear}`],
    ["State", stateName],
    ["Time of day", optional("timeBlock") ?? labels.timeBlock(values.timeBlock)],
    ["Light", optional("light") ?? labels.light(values.light)],
    ["Weather", optional("weather") ?? labels.weather(values.weather)],
    ["Officers on scene", optional("officersOnScene") ?? labels.officerBand(values.officersOnScene)],
    ["Your assignment", optional("assignment") ?? labels.assignment(values.assignment)],
    ["Years of service", optional("serviceBand") ?? labels.serviceBand(values.serviceBand)],
    ["Could have been", labels.lossPotential(values.lossPotential)],
    ["Sharing", labels.consentLevel(values.consentLevel)],
  ];
  if (agencyName) rows.push(["Agency", agencyName]);
  const warningFor = (field: CheckedField) => identifiers.find((w) => w.field === field);

  return (
    <section className="review" aria-labelledby="review-title">
      <p className="step-count">
        Step 7 of 7: <strong>Review and send</strong>
      </p>
      <h2 id="review-title" tabIndex={-1}>
        Check your report before sending
      </h2>
      {formError ? (
        <p className="notice danger" role="alert">
          {formError}
        </p>
      ) : null}
      <p>
        This is everything that will be sent. Reviewers remove anything that could identify you, your agency or the
        place before anything is published.
      </p>
      {identifiers.length > 0 ? (
        <p className="notice warn" id="identifier-summary">
          <strong>Some details could identify someone.</strong> They are marked below, field by field. Reviewers will
          remove them before anything is published, but you can change them now too.
        </p>
      ) : null}
      <article className="review-report">
        <h3>
          <Marked text={values.title} warning={warningFor("title")} />
        </h3>
        <IdentifierNote warning={warningFor("title")} />
        <h4>What happened</h4>
        <p className="review-text">
          <Marked text={values.narrative} warning={warningFor("narrative")} />
        </p>
        <IdentifierNote warning={warningFor("narrative")} />
        <h4>What contributed</h4>
        {values.factors.length ? (
          <ul>
            {values.factors.map((f) => (
              <li key={f}>{labels.factor(f)}</li>
            ))}
          </ul>
        ) : (
          <p>No factors suggested.</p>
        )}
        <h4>Lessons learned</h4>
        <p className="review-text">
          <Marked text={values.lessons} warning={warningFor("lessons")} />
        </p>
        <IdentifierNote warning={warningFor("lessons")} />
        <dl className="review-facts">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </article>
      <Form
        method="post"
        id="review-form"
        className="review-actions"
        onSubmit={(event) => {
          // Without a connection the post would fail and take the page with it: keep everything here.
          if (!navigator.onLine) {
            event.preventDefault();
            return setOffline(true);
          }
          setOffline(false);
          window.scrollTo(0, 0);
        }}
      >
        {TEXT_FIELDS.map((field) => (
          <input key={field} type="hidden" name={field} value={values[field]} />
        ))}
        {values.factors.map((factor) => (
          <input key={factor} type="hidden" name="factors" value={factor} />
        ))}
        <input type="hidden" name="challenge" value={challenge} />
        <input type="hidden" name="proof" value={proof} />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website-review">Leave this empty</label>
          <input type="text" id="website-review" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <ProofOfWorkStatus state={state} />
        {offline ? (
          <p className="notice danger" role="alert">
            You are offline: nothing was sent. Everything is still here; press “Send report” again when you are back
            online.
          </p>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            name="intent"
            value="send"
            className="primary"
            disabled={busy || (hydrated && state === "working")}
          >
            {busy && navigation.formData?.get("intent") === "send" ? "Sending…" : "Send report"}
          </button>
          <button type="submit" name="intent" value="edit" disabled={busy}>
            Change something
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The field's text with what the detector found marked (a mark is announced as highlighted text). */
function Marked({ text, warning }: { text: string; warning: IdentifierWarning | undefined }) {
  if (!warning) return <>{text}</>;
  return (
    <>
      {markedPieces(text, warning.spans).map(([piece, type], i) =>
        type ? (
          <mark key={i} className="identifier-mark">
            {piece}
          </mark>
        ) : (
          piece
        ),
      )}
    </>
  );
}

/** Under a field: what each marked detail looks like, and a way back to that field. */
function IdentifierNote({ warning }: { warning: IdentifierWarning | undefined }) {
  if (!warning) return null;
  const label = FIELD_LABELS[warning.field];
  return (
    <div className="identifier-note" role="note" aria-label={`Possible identifiers in “${label}”`}>
      <ul>
        {warning.items.map((item) => (
          <li key={`${item.type}:${item.text}`}>
            “<span className="identifier-text">{item.text}</span>” looks like {looksLike(item.type)} — reviewers will
            remove it, but you can too.
          </li>
        ))}
      </ul>
      {/* Outside the form element, posted with it (form="review-form"): back to the step that holds this field. */}
      <button type="submit" form="review-form" name="intent" value={`edit-${FIELD_STEPS[warning.field]}`}>
        Change “{label}”
      </button>
    </div>
  );
}
