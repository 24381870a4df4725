import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import dashboardStyles from "~/dashboard/dashboard.css";
import { DashboardErrorBoundary } from "~/dashboard/error-boundary";
import type { FilterProblems } from "~/dashboard/request.server";
import { formatPeriod } from "~/dashboard/period-label";
import { MAX_BRIEFING_REPORTS, parseBriefingSearch, TOO_MANY_MESSAGE } from "~/exports/briefing-schema";
import { briefingBuilder } from "~/exports/briefing.server";
import exportStyles from "~/exports/exports.css";
import { censusRegions, factors, incidentTypes, lossPotentials } from "../../db/taxonomy/index";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }, { rel: "stylesheet", href: exportStyles }];
export const meta: MetaFunction = () => [{ title: "Training briefing — Close Call" }];

/** The briefing builder: period, filters and up to eight reports; the PDF is made by /agency/briefing.pdf. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:own");
  const parsed = parseBriefingSearch(new URL(request.url).searchParams);
  // The dashboard's error page lists what is wrong and links to the builder without it.
  if (!parsed.ok) throw data<FilterProblems>({ problems: parsed.problems, validHref: new URL(request.url).pathname }, { status: 400 });
  const built = await briefingBuilder(context, user, parsed.state);
  return { state: parsed.state, tooMany: parsed.tooMany, ...built };
}

function Select(props: { name: string; label: string; value: string | undefined; options: readonly { code: string; label: string }[]; any: string }) {
  return (
    <div className="field">
      <label htmlFor={`briefing-${props.name}`}>{props.label}</label>
      <select id={`briefing-${props.name}`} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.any}</option>
        {props.options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </select>
    </div>
  );
}

export default function Briefing() {
  const { state, tooMany, period, open, total, chart, candidates, chosenElsewhere } = useLoaderData<typeof loader>();
  const d = state.dashboard;
  const chosen = new Set(state.reports);
  const listed = [...chosenElsewhere, ...candidates];
  return (
    <main className="page briefing" aria-labelledby="briefing-title">
      <p className="eyebrow">Exports</p>
      <h1 id="briefing-title">Training briefing</h1>
      <p className="lead">
        A PDF for roll call or the academy: your agency and filters on a title page, the contributing factors of your reports (chart and
        table, as on your dashboard), and up to {MAX_BRIEFING_REPORTS} published reports with discussion questions.
      </p>
      <form method="get" action="/agency/briefing" className="briefing-form">
        <fieldset className="briefing-filters">
          <legend>Period and filters</legend>
          <div className="field">
            <label htmlFor="briefing-from">First month</label>
            <span className="hint" id="briefing-from-hint">YYYY-MM; empty: the latest 36 months</span>
            <input type="month" id="briefing-from" name="from" defaultValue={d.from ?? ""} aria-describedby="briefing-from-hint" />
          </div>
          <div className="field">
            <label htmlFor="briefing-to">Last month</label>
            <input type="month" id="briefing-to" name="to" defaultValue={d.to ?? ""} />
          </div>
          <Select name="type" label="Incident type" value={d.type} options={incidentTypes} any="All incident types" />
          <Select name="factor" label="Contributing factor" value={d.factor} options={factors} any="All factors" />
          <Select name="loss" label="Loss potential" value={d.loss} options={lossPotentials} any="Any loss potential" />
          <Select name="region" label="Census region" value={d.region} options={censusRegions} any="All regions" />
          <div className="field">
            <label htmlFor="briefing-vs">Compare your agency with</label>
            <select id="briefing-vs" name="vs" defaultValue={d.vs}>
              <option value="national">The nation, excluding your agency</option>
              <option value="size">Agencies of your size</option>
              <option value="region">Agencies in your region</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="briefing-q">Words in the reports</label>
            <input type="search" id="briefing-q" name="q" defaultValue={state.q} maxLength={200} placeholder="e.g. backup" />
          </div>
          <label className="choice">
            <input type="checkbox" name="mine" value="1" defaultChecked={state.mine} />
            <span>Only reports officers shared with my agency</span>
          </label>
          <div className="form-actions"><button type="submit">Show matching reports</button></div>
        </fieldset>

        <section className="panel briefing-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{chart?.title ?? "Contributing factors"}</h2>
          <p className="dash-units">{formatPeriod(period)}{open ? "" : " · your agency's own figures are withheld for this period (too few reports): the PDF shows national and peer figures"}</p>
          {chart ? <div className="briefing-chart" role="img" aria-label={chart.title} dangerouslySetInnerHTML={{ __html: chart.svg }} /> : <p className="dash-empty">No reports match these filters in this period.</p>}
        </section>

        <p className="briefing-summary">
          The PDF: a title page, the chart above with its table, then {state.reports.length === 0 ? "no report yet — tick the ones to discuss below" : `${state.reports.length} ${state.reports.length === 1 ? "report" : "reports"} with discussion questions`}.
          {" "}<button type="submit" className="primary" formAction="/agency/briefing.pdf">Download the briefing (PDF)</button>
        </p>
        <fieldset className="briefing-reports" aria-describedby={tooMany ? "briefing-too-many" : "briefing-reports-hint"}>
          <legend>Reports to discuss ({state.reports.length} of at most {MAX_BRIEFING_REPORTS} chosen)</legend>
          <span className="hint" id="briefing-reports-hint">
            {total === 0 ? "No published report matches these filters." : `The ${Math.min(candidates.length, total)} newest of ${total.toLocaleString("en-US")} matching published reports${state.q ? " (best matches first)" : ""}. Ticked reports stay chosen when you change the filters.`}
          </span>
          {tooMany ? <p className="field-error" id="briefing-too-many" role="alert">{TOO_MANY_MESSAGE}</p> : null}
          <ul className="briefing-candidates">
            {listed.map((r) => (
              <li key={r.publicNumber}>
                <label className="choice">
                  <input type="checkbox" name="report" value={r.publicNumber} defaultChecked={chosen.has(r.publicNumber)} />
                  <span>
                    <strong>{r.title}</strong> <span className="briefing-number">No. {r.publicNumber}</span>
                    <span className="briefing-facts">{r.facts}</span>
                    {r.snippet ? <span className="briefing-snippet">{r.snippet}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" formAction="/agency/briefing.pdf">Download the briefing (PDF)</button>
        </div>
      </form>
    </main>
  );
}

export const ErrorBoundary = DashboardErrorBoundary;
