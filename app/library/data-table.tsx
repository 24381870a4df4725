// A generic, server-driven table over @tanstack/react-table v9: the server sorts and paginates (the URL
// holds the state), the table renders headers with sort links, rows, and designed empty and loading
// states. On narrow screens each row becomes a card (see library.css).
import { Link } from "@remix-run/react";
import {
  type ColumnDef,
  type RowData,
  type SortingState,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import type { ReactNode } from "react";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type DataTableFeatures = typeof dataTableFeatures;
// `any` value type: one table's columns hold different value types (TanStack's own idiom for column arrays).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

export interface DataTableProps<TData extends RowData> {
  columns: DataTableColumn<TData>[];
  data: TData[];
  caption: string;
  getRowId: (row: TData) => string;
  /** The server's current sort, as TanStack sorting state. */
  sorting: SortingState;
  /** Where a click on a sortable header goes (the next sort of that column). */
  sortHref: (columnId: string, descending: boolean) => string;
  pageIndex: number;
  pageSize: number;
  rowCount: number;
  /** A navigation is under way: the current rows stay, dimmed, and the table says it is busy. */
  loading?: boolean;
  /** Shown instead of an empty table. */
  empty: ReactNode;
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { columns, data, caption, getRowId, sorting, sortHref, pageIndex, pageSize, rowCount, loading, empty } = props;
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    state: { sorting, pagination: { pageIndex, pageSize } },
    manualSorting: true,
    manualPagination: true,
    rowCount,
    enableSortingRemoval: false,
  });
  if (data.length === 0 && !loading) return <div className="data-table-empty">{empty}</div>;
  return (
    <div className={`table-wrap data-table${loading ? " is-loading" : ""}`} aria-busy={loading ? "true" : undefined}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const label = <table.FlexRender header={header} />;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {canSort ? (
                      <Link
                        className="sort-link"
                        to={sortHref(header.column.id, sorted === "desc" ? false : true)}
                        preventScrollReset
                      >
                        {label}
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                        <span className="visually-hidden">
                          {sorted
                            ? `, sorted ${sorted === "desc" ? "descending" : "ascending"}; change order`
                            : ", sort"}
                        </span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  data-label={
                    typeof cell.column.columnDef.header === "string" ? cell.column.columnDef.header : undefined
                  }
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {loading ? (
        <p className="data-table-loading" role="status">
          Loading reports…
        </p>
      ) : null}
    </div>
  );
}
