import { Link } from "@remix-run/react";
import { labels } from "../../domain/taxonomy/index";
import type { FeaturedReport } from "./library.server";
import { formatMonth, LossBadge } from "./report-bits";

const EXCERPT_CHARS = 280;

/** "Near miss of the week" on the home page. */
export function FeaturedReportCard({ report }: { report: FeaturedReport }) {
  const cut = report.summary.length > EXCERPT_CHARS ? report.summary.lastIndexOf(" ", EXCERPT_CHARS) : -1;
  const excerpt = cut > 0 ? `${report.summary.slice(0, cut)}…` : report.summary;
  return (
    <section className="featured-report" aria-labelledby="featured-title">
      <p className="eyebrow">Near miss of the week</p>
      <h2 id="featured-title">
        <Link to={`/reports/${report.publicNumber}`}>{report.title}</Link>
      </h2>
      <p className="report-summary-line">
        <LossBadge code={report.lossPotential} /> <span>{labels.incidentType(report.incidentType)}</span>
        <span aria-hidden="true"> · </span>
        <span>published {formatMonth(report.publishedMonth)}</span>
      </p>
      <p>{excerpt}</p>
      <p className="featured-more">
        <Link to={`/reports/${report.publicNumber}`}>Read the report and its lessons learned</Link>
      </p>
      {report.chosen ? null : (
        <p className="hint featured-why">
          Chosen automatically: the newest report that could have killed or seriously injured an officer.
        </p>
      )}
    </section>
  );
}
