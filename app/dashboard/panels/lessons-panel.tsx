import { Link } from "@remix-run/react";
import { labels } from "../../../domain/taxonomy/index";
import { formatMonth } from "~/library/report-bits";
import type { LessonsView } from "../view-types";

export function LessonsPanel({ lessons, intro }: { lessons: LessonsView; intro: string }) {
  return (
    <section className="panel dash-panel" aria-labelledby="lessons-title">
      <header className="dash-panel-head">
        <h2 id="lessons-title">Lessons to read</h2>
        <p className="dash-units">
          {intro} {lessons.factors.map((f) => f.label).join(", ") || "—"}
        </p>
      </header>
      {lessons.reports.length === 0 ? (
        <p className="dash-empty">No published report matches yet.</p>
      ) : (
        <ul className="lessons">
          {lessons.reports.map((r) => (
            <li key={r.publicNumber}>
              <Link to={`/reports/${r.publicNumber}`} className="lesson-title">
                {r.title}
              </Link>
              <span className="lesson-meta">
                {labels.incidentType(r.incidentType)} · {formatMonth(r.eventMonth)} · could have been:{" "}
                {labels.lossPotential(r.lossPotential).toLowerCase()}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={lessons.moreHref}>More reports citing these factors</Link>
      </p>
    </section>
  );
}
