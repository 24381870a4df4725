import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatMonth, LossBadge } from "~/library/report-bits";
import { appendAuditEntry } from "~/auth/audit.server";
import { userHasPermission } from "~/auth/permissions";
import { requirePermittedForm } from "~/auth/permissions.server";
import { getActiveSession } from "~/auth/session.server";
import { CsrfInput } from "~/auth/ui/fields";
import {
  canChooseFeatured,
  chooseFeaturedReport,
  findSimilarReports,
  getPublishedReport,
  requireLibraryReader,
} from "~/library/library.server";
import libraryStyles from "~/library/library.css";
import { PUBLIC_NUMBER } from "../../domain/public-number";
import { familyOfFactor, labels } from "../../domain/taxonomy/index";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: libraryStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.title} — Close Call` : "Report not found — Close Call" },
];

/**
 * "Add to briefing": the builder's own query when the trainer came from it (`?briefing=`,
 * the builder's search string), with this report added, so nothing chosen there is lost. The builder
 * checks every parameter again, and at most eight reports.
 */
function briefingLink(from: string | null, publicNumber: string): { href: string; chosen: boolean } {
  const params = new URLSearchParams(from ?? "");
  params.delete("page");
  const chosen = params.getAll("report").includes(publicNumber);
  if (!chosen) params.append("report", publicNumber);
  return { href: `/agency/briefing?${params}#briefing-reports`, chosen };
}

/** Public report numbers only (year and sequence); internal ids never appear in URLs. */
const ParamsSchema = z.object({ publicNumber: z.string().regex(PUBLIC_NUMBER) });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireLibraryReader(request, context);
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Report numbers look like 2024-00413.", { status: 404 });
  const report = await getPublishedReport(context.analytics, parsed.data.publicNumber);
  if (!report) throw new Response(`There is no published report ${parsed.data.publicNumber}.`, { status: 404 });
  const similar = await findSimilarReports(context.analytics, report);
  const canFeature = canChooseFeatured(user);
  const csrf = canFeature ? ((await getActiveSession(request, context))?.csrfToken ?? null) : null;
  const briefing = userHasPermission(user, "export:analytics:own")
    ? briefingLink(new URL(request.url).searchParams.get("briefing"), report.publicNumber)
    : null;
  return { report, similar, canFeature, csrf, briefing };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, form } = await requirePermittedForm(request, context, "manage:featured-report:any");
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Report numbers look like 2024-00413.", { status: 404 });
  switch (form.get("intent")) {
    case "feature": {
      await chooseFeaturedReport(context.db, parsed.data.publicNumber, user.id);
      await appendAuditEntry(context.db, {
        actorUserId: user.id,
        action: "report.featured",
        targetType: "report",
        targetId: parsed.data.publicNumber,
      });
      // This process's pages show it at once; other processes of a scale-out deployment at their next catch-up.
      await context.deployment.refreshAnalytics([]);
      return redirect(`/reports/${parsed.data.publicNumber}?featured=1`);
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

const CODED_FIELDS: {
  label: string;
  value: (r: ReturnType<typeof useLoaderData<typeof loader>>["report"]) => string;
}[] = [
  { label: "Incident type", value: (r) => labels.incidentType(r.incidentType) },
  { label: "Loss potential", value: (r) => labels.lossPotential(r.lossPotential) },
  { label: "Event month", value: (r) => formatMonth(r.eventMonth) },
  { label: "Time of day", value: (r) => labels.timeBlock(r.timeBlock) },
  { label: "Light", value: (r) => labels.light(r.light) },
  { label: "Weather", value: (r) => labels.weather(r.weather) },
  { label: "Officers on scene", value: (r) => labels.officerBand(r.officersBand) },
  { label: "Assignment", value: (r) => labels.assignment(r.assignment) },
  { label: "Years of service", value: (r) => labels.serviceBand(r.serviceBand) },
  { label: "Census region", value: (r) => labels.censusRegion(r.censusRegion) },
  { label: "Published", value: (r) => formatMonth(r.publishedMonth) },
  { label: "Taxonomy", value: (r) => `Version ${r.taxonomyVersion}` },
];

export default function ReportPage() {
  const { report, similar, canFeature, csrf, briefing } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <main className="page report-page" aria-labelledby="report-title">
      <nav className="breadcrumbs no-print" aria-label="Breadcrumb">
        <Link to="/reports">Reports</Link> <span aria-hidden="true">/</span> <span>No. {report.publicNumber}</span>
      </nav>
      <article className="report-article">
        <header className="report-header">
          <p className="eyebrow">Near miss report No. {report.publicNumber}</p>
          <h1 id="report-title">{report.title}</h1>
          <p className="report-summary-line">
            <LossBadge code={report.lossPotential} /> <span>{labels.incidentType(report.incidentType)}</span>
            <span aria-hidden="true"> · </span>
            <span>{formatMonth(report.eventMonth)}</span>
          </p>
          <p className="report-tools no-print">
            <button type="button" className="link-button" onClick={() => window.print()}>
              Print this report
            </button>
            {briefing ? (
              <Link className="button" to={briefing.href}>
                {briefing.chosen ? "Back to the briefing (already chosen)" : "Add to briefing"}
              </Link>
            ) : null}
          </p>
        </header>
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">Event summary</h2>
          <p className="report-narrative">{report.summary}</p>
          <p className="hint">Details in [square brackets] were generalised by reviewers to protect the reporter.</p>
        </section>
        <section aria-labelledby="factors-heading">
          <h2 id="factors-heading">Contributing risk factors</h2>
          {report.factorCodes.length > 0 ? (
            <ul className="factor-list">
              {report.factorCodes.map((code) => (
                <li key={code}>
                  <Link to={`/reports?factor=${encodeURIComponent(code)}`}>{labels.factor(code)}</Link>
                  <span className="factor-family"> ({labels.factorFamily(familyOfFactor(code))})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>No contributing factors were coded for this report.</p>
          )}
        </section>
        <section aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">Lessons learned</h2>
          <p className="report-narrative">{report.lessons}</p>
        </section>
        <section aria-labelledby="coded-heading" className="coded-fields">
          <h2 id="coded-heading">Coded fields</h2>
          <dl>
            {CODED_FIELDS.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value(report)}</dd>
              </div>
            ))}
          </dl>
        </section>
      </article>
      <aside className="similar no-print" aria-labelledby="similar-heading">
        <h2 id="similar-heading">Reports like this</h2>
        {similar.length === 0 ? (
          <p>No other report shares this report's incident type or contributing factors yet.</p>
        ) : (
          <ul className="similar-list">
            {similar.map((s) => (
              <li key={s.publicNumber}>
                <Link to={`/reports/${s.publicNumber}`}>{s.title}</Link>
                <p className="similar-why">
                  {[
                    s.sameIncidentType
                      ? `Also ${labels.incidentType(s.incidentType).toLowerCase()}`
                      : labels.incidentType(s.incidentType),
                    ...s.sharedFactors.map((f) => labels.factor(f)),
                  ].join(" · ")}
                </p>
                <p className="report-meta">
                  No. {s.publicNumber} · <LossBadge code={s.lossPotential} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </aside>
      {canFeature ? (
        <section className="panel no-print feature-panel" aria-labelledby="feature-heading">
          <h2 id="feature-heading">Near miss of the week</h2>
          {searchParams.get("featured") === "1" ? (
            <p className="notice ok" role="status">
              This report is now the near miss of the week on the home page.
            </p>
          ) : null}
          <Form method="post">
            {csrf ? <CsrfInput token={csrf} /> : null}
            <input type="hidden" name="intent" value="feature" />
            <button type="submit">Feature this report on the home page</button>
          </Form>
        </section>
      ) : null}
      <p className="print-only">
        Close Call report {report.publicNumber}. Reports are voluntary and non-disciplinary; they are not measures of
        risk.
      </p>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
