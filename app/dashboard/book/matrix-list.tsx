// The incident type × factor table as a list, for phones (the heatmap was clipped to three
// columns): one entry per incident type, its released shares by factor, withheld cells said in words.
import { cellText } from "../tables/cell-values";
import type { TableModel } from "../models/panel-model";
import type { MatrixTableRow } from "./columns";

export function MatrixList({ table }: { table: TableModel<MatrixTableRow> }) {
  const [, reports, ...factorColumns] = table.columns;
  return (
    <ul className="matrix-list" aria-label={`${table.caption}, as a list`}>
      {table.rows.map((row) => (
        <li key={row.code}>
          <details>
            <summary>
              {row.label} · {cellText(reports!.value(row))} reports
            </summary>
            <ul>
              {factorColumns.map((c) => (
                <li key={c.id}>
                  <span>{c.header}</span> <b>{cellText(c.value(row))}</b>
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
