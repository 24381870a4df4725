import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { labels, states } from "../../db/taxonomy";
import { ProofOfWorkStatus, useProofOfWork } from "./proof-of-work";
import { TEXT_FIELDS, type ReportFormInput } from "./report-form-schema";

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Every answer shown back before sending; the answers travel on as hidden fields (no cookies, no storage). */
export function ReviewStep({ values, agencyName, challenge, formError }: { values: ReportFormInput; agencyName: string | null; challenge: string; formError?: string }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const [hydrated, setHydrated] = useState(false);
  const [offline, setOffline] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { proof, state } = useProofOfWork(challenge);
  const stateName = states.find((s) => s.code === values.state)?.name ?? values.state;
  const optional = (label: string) => (values as unknown as Record<string, string>)[label] ? null : "Not given";
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

  return (
    <section className="review" aria-labelledby="review-title">
      <p className="step-count">Step 7 of 7: <strong>Review and send</strong></p>
      <h2 id="review-title" tabIndex={-1}>Check your report before sending</h2>
      {formError ? <p className="notice danger" role="alert">{formError}</p> : null}
      <p>This is everything that will be sent. Reviewers remove anything that could identify you, your agency or the place before anything is published.</p>
      <article className="review-report">
        <h3>{values.title}</h3>
        <h4>What happened</h4>
        <p className="review-text">{values.narrative}</p>
        <h4>What contributed</h4>
        {values.factors.length ? (
          <ul>{values.factors.map((f) => <li key={f}>{labels.factor(f)}</li>)}</ul>
        ) : <p>No factors suggested.</p>}
        <h4>Lessons learned</h4>
        <p className="review-text">{values.lessons}</p>
        <dl className="review-facts">
          {rows.map(([term, value]) => (
            <div key={term}><dt>{term}</dt><dd>{value}</dd></div>
          ))}
        </dl>
      </article>
      <Form method="post" className="review-actions" onSubmit={(event) => {
        // Without a connection the post would fail and take the page with it: keep everything here.
        if (!navigator.onLine) {
          event.preventDefault();
          return setOffline(true);
        }
        setOffline(false);
        window.scrollTo(0, 0);
      }}>
        {TEXT_FIELDS.map((field) => <input key={field} type="hidden" name={field} value={values[field]} />)}
        {values.factors.map((factor) => <input key={factor} type="hidden" name="factors" value={factor} />)}
        <input type="hidden" name="challenge" value={challenge} />
        <input type="hidden" name="proof" value={proof} />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website-review">Leave this empty</label>
          <input type="text" id="website-review" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <ProofOfWorkStatus state={state} />
        {offline ? <p className="notice danger" role="alert">You are offline: nothing was sent. Everything is still here; press “Send report” again when you are back online.</p> : null}
        <div className="form-actions">
          <button type="submit" name="intent" value="send" className="primary" disabled={busy || (hydrated && state === "working")}>
            {busy && navigation.formData?.get("intent") === "send" ? "Sending…" : "Send report"}
          </button>
          <button type="submit" name="intent" value="edit" disabled={busy}>Change something</button>
        </div>
      </Form>
    </section>
  );
}
