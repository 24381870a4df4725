// The explorer's columns: typed over ExplorerRow, rendered by the generic DataTable. Column ids that
// the server can sort by are the sort names of the URL (published, event, loss).
import { Link } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { labels } from "../../domain/taxonomy/index";
import type { SortColumn } from "../../domain/library-query";
import type { ExplorerRow } from "./library.server";
import type { DataTableFeatures } from "./data-table";
import { SnippetText } from "./snippet-text";
import { LossBadge, formatMonth } from "./report-bits";

const helper = createColumnHelper<DataTableFeatures, ExplorerRow>();

export const explorerColumns = helper.columns([
  helper.accessor("title", {
    id: "published",
    header: "Report",
    // Sorting this column sorts by publication: newest first, or oldest first.
    cell: ({ row }) => (
      <div className="report-cell">
        <Link className="report-title" to={`/reports/${row.original.publicNumber}`}>
          {row.original.title}
        </Link>
        <p className="report-snippet">
          <SnippetText snippet={row.original.snippet} />
        </p>
        <p className="report-meta">
          No. {row.original.publicNumber} · published {formatMonth(row.original.publishedMonth)}
        </p>
      </div>
    ),
  }),
  helper.accessor("incidentType", {
    id: "incident_type",
    header: "Incident type",
    enableSorting: false,
    cell: ({ getValue }) => labels.incidentType(getValue()),
  }),
  helper.accessor("lossPotential", {
    id: "loss",
    header: "Loss potential",
    cell: ({ getValue }) => <LossBadge code={getValue()} />,
  }),
  helper.accessor("eventMonth", {
    id: "event",
    header: "Event month",
    cell: ({ getValue }) => formatMonth(getValue()),
  }),
  helper.accessor("censusRegion", {
    id: "region",
    header: "Region",
    enableSorting: false,
    cell: ({ getValue }) => labels.censusRegion(getValue()),
  }),
]);

/** Which sort a column id stands for (the rest are not sortable). */
export const sortOfColumn: Record<string, SortColumn | undefined> = {
  published: "published",
  loss: "loss",
  event: "event",
};
