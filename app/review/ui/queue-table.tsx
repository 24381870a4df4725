import { Link } from "@remix-run/react";
import type { QueueRow } from "../../../db/review/queue";
import { queueStateLabels } from "../../../db/review/review-state";

/** The queue's rows: received date, title, who holds it and flags; empty state when nothing waits. */
export function QueueTable({ rows, caption }: { rows: QueueRow[]; caption: string }) {
  if (rows.length === 0) return <p className="panel empty">Nothing here right now.</p>;
  return (
    <div className="table-wrap">
      <table className="queue-table">
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">Received</th><th scope="col">Report</th><th scope="col">State</th><th scope="col">Held by</th><th scope="col">Stage 1 by</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{r.receivedOn}</td>
              <td>
                <Link to={`/review/${r.id}`}>{r.title ?? (r.destroyed ? "Raw text destroyed" : "Unreadable")}</Link>
                {r.possibleDuplicate ? <span className="badge">possible duplicate</span> : null}
                <br /><span className="meta mono">{r.id}</span>
              </td>
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
