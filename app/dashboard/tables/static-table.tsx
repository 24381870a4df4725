// A small, complete table (a chart's figures) through the library's generic DataTable: every row on one
// page and no sorting, so no column needs a server sort link.
import type { RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { DataTable, type DataTableColumn } from "~/library/data-table";

export function StaticTable<TData extends RowData>(props: {
  columns: DataTableColumn<TData>[];
  data: TData[];
  caption: string;
  getRowId: (row: TData) => string;
  empty?: ReactNode;
}) {
  return (
    <DataTable
      columns={props.columns}
      data={props.data}
      caption={props.caption}
      getRowId={props.getRowId}
      sorting={[]}
      sortHref={() => "#"}
      pageIndex={0}
      pageSize={Math.max(1, props.data.length)}
      rowCount={props.data.length}
      empty={props.empty ?? <p>No figures for these filters.</p>}
    />
  );
}
