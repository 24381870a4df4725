import { Link } from "@remix-run/react";
import type { QueueRow } from "../../../db/review/queue";
import { queueStateLabels } from "../../../domain/review/review-state";
import { labels } from "../../../domain/taxonomy/index";
import { LossBadge } from "~/library/report-bits";

function age(days: number): string {
  return days === 0 ? "today" : days === 1 ? "1 day" : `${days} days`;
}

/**
 * The queue's rows for triage: the report's title, how long it has waited, what kind of
 * incident and how bad it could have been (the reviewers' coding, else the officer's answers), state,
 * who holds it and flags. Ids stay in the links, never in the text.
 */
export function QueueTable({ rows, caption }: { rows: QueueRow[]; caption: string }) {
  if (rows.length === 0) return <p className="panel empty">Nothing here right now.</p>;
  return (
    <div className="table-wrap">
      <table className="queue-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Waiting</th>
            <th scope="col">Incident type</th>
            <th scope="col">Could have been</th>
            <th scope="col">State</th>
            <th scope="col">Held by</th>
            <th scope="col">Stage 1 by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="queue-report">
                <Link to={`/review/${r.id}`}>{r.title ?? (r.destroyed ? "Raw text destroyed" : "Unreadable")}</Link>
                {r.possibleDuplicate ? <span className="badge">possible duplicate</span> : null}
              </td>
              <td className="nowrap" data-days={r.ageDays}>
                {age(r.ageDays)}
                <br />
                <span className="meta">since {r.receivedOn}</span>
              </td>
              <td>{r.incidentType ? labels.incidentType(r.incidentType) : "—"}</td>
              <td>{r.lossPotential ? <LossBadge code={r.lossPotential} /> : "—"}</td>
              <td>{queueStateLabels[r.state]}</td>
              <td>{r.holder ?? "—"}</td>
              <td>{r.stage1By ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
