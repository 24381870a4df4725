import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { requireSignedInWithPermission } from "~/auth/permissions.server";
import dashboardStyles from "~/dashboard/dashboard.css";
import { DashboardErrorBoundary } from "~/dashboard/error-boundary";
import type { FilterProblems } from "~/dashboard/request.server";
import { agencyReferences } from "~/dashboard/agency-state";
import { BookPeriodOptions } from "~/dashboard/book/period-options";
import { MAX_BRIEFING_REPORTS, parseBriefingSearch, TOO_MANY_MESSAGE } from "~/exports/briefing-schema";
import { briefingBuilder } from "~/exports/briefing.server";
import exportStyles from "~/exports/exports.css";
import { useFileDownload } from "~/exports/use-file-download";
import { factors, incidentTypes } from "../../domain/taxonomy/index";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dashboardStyles },
  { rel: "stylesheet", href: exportStyles },
];
export const meta: MetaFunction = () => [{ title: "Training briefing — Close Call" }];

/** The briefing builder: period, filters and up to eight reports; the PDF is made by /agency/briefing.pdf. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedInWithPermission(request, context, "export:analytics:own");
  const parsed = parseBriefingSearch(new URL(request.url).searchParams);
  // The dashboard's error page lists what is wrong and links to the builder without it.
  if (!parsed.ok)
    throw data<FilterProblems>(
      { problems: parsed.problems, validHref: new URL(request.url).pathname },
      { status: 400 },
    );
  const built = await briefingBuilder(request, context, user, parsed.state);
  return { state: parsed.state, tooMany: parsed.tooMany, ...built };
}

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { code: string; label: string }[];
  any: string;
}) {
  return (
    <div className="field">
      <label htmlFor={`briefing-${props.name}`}>{props.label}</label>
      <select id={`briefing-${props.name}`} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const PDF_ACTION = "/agency/briefing.pdf";

export default function BriefingPage() {
  const data = useLoaderData<typeof loader>();
  if (data.pending) {
    return (
      <main className="page narrow briefing" aria-labelledby="briefing-title">
        <p className="eyebrow">{data.agencyName}</p>
        <h1 id="briefing-title">Training briefing</h1>
        <p className="lead">
          Your agency's first release is being prepared: a briefing can be made once it is out, from the same figures as
          your dashboard.
        </p>
      </main>
    );
  }
  return <Briefing data={data} />;
}

type Built = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { pending: false }>;

function Briefing({ data }: { data: Built }) {
  const {
    state,
    tooMany,
    choices,
    resolved,
    choiceLine,
    open,
    withheldNote,
    total,
    page,
    pages,
    pageSize,
    chart,
    candidates,
    chosenElsewhere,
  } = data;
  const d = state.dashboard;
  const listed = [...chosenElsewhere, ...candidates];
  const [chosen, setChosen] = useState<string[]>(state.reports);
  const [hydrated, setHydrated] = useState(false);
  const [clientError, setClientError] = useState(false);
  const [clicked, setClicked] = useState<"top" | "bottom">("bottom");
  const errorRef = useRef<HTMLDivElement>(null);
  const { status, download } = useFileDownload("briefing.pdf");
  useEffect(() => setHydrated(true), []);
  // Back from the PDF route with too many reports: the reason is put in view, not left below the fold.
  useEffect(() => {
    if (tooMany || clientError) {
      errorRef.current?.scrollIntoView({ block: "center" });
      errorRef.current?.focus();
    }
  }, [tooMany, clientError]);
  useEffect(() => setChosen(state.reports), [state.reports]);

  const over = chosen.length - MAX_BRIEFING_REPORTS;
  const full = chosen.length >= MAX_BRIEFING_REPORTS;
  const toggle = (number: string, on: boolean) => {
    setClientError(false);
    setChosen((list) => (on ? [...list.filter((n) => n !== number), number] : list.filter((n) => n !== number)));
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!submitter || !submitter.formAction.endsWith(PDF_ACTION)) return;
    // With JavaScript the PDF is fetched in place: "Preparing the PDF…" while it is made, and a refusal shown here.
    event.preventDefault();
    setClicked(submitter.dataset.place === "top" ? "top" : "bottom");
    if (over > 0) return setClientError(true);
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget))
      if (typeof value === "string" && value !== "" && name !== "page") params.append(name, value);
    void download(`${PDF_ACTION}?${params}`);
  };
  const preparing = status.state === "preparing";
  const downloadButton = (place: "top" | "bottom") => (
    <button type="submit" className="primary" formAction={PDF_ACTION} data-place={place} disabled={preparing}>
      {preparing && clicked === place ? "Preparing the PDF…" : "Download the briefing (PDF)"}
    </button>
  );
  const downloadStatus = (place: "top" | "bottom") =>
    clicked !== place || status.state === "idle" ? null : status.state === "failed" ? (
      <p className="notice danger briefing-status" role="alert">
        {status.message}
      </p>
    ) : (
      <p className="briefing-status" role="status">
        {status.state === "preparing" ? "Preparing the PDF… this takes a few seconds." : `Downloaded ${status.name}.`}
      </p>
    );
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  // The builder as it stands, ticks included (they live in the page until a submit), for "Read" → "Add to briefing".
  const here = new URLSearchParams(
    [...new URLSearchParams(useLocation().search)].filter(([k]) => k !== "page" && k !== "report"),
  );
  for (const n of chosen) here.append("report", n);

  return (
    <main className="page briefing" aria-labelledby="briefing-title">
      <p className="eyebrow">Exports</p>
      <h1 id="briefing-title">Training briefing</h1>
      <p className="lead">
        A PDF for roll call or the academy: your agency and filters on a title page, the contributing factors of your
        reports (chart and table, as on your dashboard), and up to {MAX_BRIEFING_REPORTS} published reports with
        discussion questions.
      </p>
      {over > 0 && (tooMany || clientError) ? (
        <div className="notice danger" role="alert" id="briefing-too-many" ref={errorRef} tabIndex={-1}>
          <p>{TOO_MANY_MESSAGE}</p>
          <p>
            {chosen.length} are chosen: untick {over} {over === 1 ? "report" : "reports"} under “Reports to discuss”.
          </p>
        </div>
      ) : null}
      <form method="get" action="/agency/briefing" className="briefing-form" onSubmit={onSubmit}>
        <fieldset className="briefing-filters">
          <legend>Period and filters</legend>
          {/* The agency page's choices: periods are the book's; the shared-reports months travel along unchanged. */}
          {d.from ? <input type="hidden" name="from" value={d.from} /> : null}
          {d.to ? <input type="hidden" name="to" value={d.to} /> : null}
          <div className="field">
            <label htmlFor="briefing-period">Period of publication</label>
            <select id="briefing-period" name="period" defaultValue={resolved.period}>
              <BookPeriodOptions years={choices.years} quarters={choices.quarters} />
            </select>
          </div>
          {choices.matrixYears.includes(resolved.period) ? (
            <Select name="type" label="Incident type" value={d.type} options={incidentTypes} any="All incident types" />
          ) : null}
          <Select name="factor" label="Contributing factor" value={d.factor} options={factors} any="All factors" />
          <div className="field">
            <label htmlFor="briefing-vs">Compare your agency with</label>
            <select id="briefing-vs" name="vs" defaultValue={resolved.reference}>
              {agencyReferences.map((r) => (
                <option key={r} value={r}>
                  {choices.referenceLabels[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="briefing-q">Words in the reports</label>
            <input
              type="search"
              id="briefing-q"
              name="q"
              defaultValue={state.q}
              maxLength={200}
              placeholder="e.g. backup"
            />
          </div>
          <label className="choice">
            <input type="checkbox" name="mine" value="1" defaultChecked={state.mine} />
            <span>Only reports officers shared with my agency</span>
          </label>
          <div className="form-actions">
            <button type="submit">Show matching reports</button>
          </div>
        </fieldset>

        <section className="panel briefing-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{chart?.title ?? "Contributing factors"}</h2>
          <p className="dash-units">
            {choiceLine}
            {open
              ? ""
              : " · your agency's own figures are withheld for this period (too few reports): the PDF shows the " +
                "reference where released"}
          </p>
          {chart ? (
            <div
              className="briefing-chart"
              role="img"
              aria-label={chart.title}
              dangerouslySetInnerHTML={{ __html: chart.svg }}
            />
          ) : (
            <p className="dash-empty">{withheldNote ?? "No reports match these choices in this period."}</p>
          )}
        </section>

        <div className="briefing-summary">
          <p>
            The PDF: a title page, the chart above with its table, then{" "}
            {chosen.length === 0
              ? "no report yet — tick the ones to discuss below"
              : `${chosen.length} ${chosen.length === 1 ? "report" : "reports"} with discussion questions`}
            .
          </p>
          {downloadButton("top")}
          {downloadStatus("top")}
        </div>
        <fieldset className="briefing-reports" id="briefing-reports" aria-describedby="briefing-reports-hint">
          <legend>
            Reports to discuss (<span className="briefing-count">{chosen.length}</span> of at most{" "}
            {MAX_BRIEFING_REPORTS} chosen)
          </legend>
          <span className="hint" id="briefing-reports-hint">
            {total === 0
              ? "No published report matches these filters."
              : `Reports ${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} ` +
                `of ${total.toLocaleString("en-US")} matching published ` +
                `reports, ${state.q ? "best matches first" : "newest first"}. Search with “Words in the ` +
                `reports” above. Ticked reports stay chosen when you search, filter or turn the page.`}
          </span>
          {hydrated && full && over <= 0 ? (
            <p className="hint briefing-cap" role="status">
              {MAX_BRIEFING_REPORTS} chosen, the most a briefing holds: untick one to choose another.
            </p>
          ) : null}
          <ul className="briefing-candidates">
            {listed.map((r) => {
              const ticked = chosen.includes(r.publicNumber);
              return (
                <li key={r.publicNumber}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      name="report"
                      value={r.publicNumber}
                      checked={ticked}
                      onChange={(e) => toggle(r.publicNumber, e.currentTarget.checked)}
                      disabled={hydrated && !ticked && full}
                    />
                    <span>
                      <strong>{r.title}</strong> <span className="briefing-number">No. {r.publicNumber}</span>
                      <span className="briefing-facts">{r.facts}</span>
                      {r.snippet ? <span className="briefing-snippet">{r.snippet}</span> : null}
                    </span>
                  </label>
                  <Link
                    className="briefing-read"
                    to={`/reports/${r.publicNumber}?${new URLSearchParams({ briefing: here.toString() })}`}
                  >
                    Read<span className="visually-hidden"> {r.title}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
          {pages > 1 ? (
            <nav className="briefing-pages" aria-label="Pages of reports">
              {page > 1 ? (
                <button type="submit" name="page" value={page - 1} formAction="/agency/briefing#briefing-reports">
                  Previous {pageSize}
                </button>
              ) : null}
              <span>
                Page {page} of {pages.toLocaleString("en-US")}
              </span>
              {page < pages ? (
                <button type="submit" name="page" value={page + 1} formAction="/agency/briefing#briefing-reports">
                  Next {pageSize}
                </button>
              ) : null}
            </nav>
          ) : null}
        </fieldset>
        <div className="form-actions">
          {downloadButton("bottom")}
          {downloadStatus("bottom")}
        </div>
      </form>
    </main>
  );
}

export const ErrorBoundary = DashboardErrorBoundary;
