// Dashboard tables on the screen: each column spec (column-specs.ts) becomes a TanStack column for the
// generic DataTable (through StaticTable). Sorting is off: each table lists a chart's figures in the
// chart's order. The exports read the same specs.
import { createColumnHelper, type RowData } from "@tanstack/react-table";
import type { DataTableColumn, DataTableFeatures } from "~/library/data-table";
import { CountCell, DrillLink, ShareCell } from "./cells";
import { cellText, type CellValue } from "./cell-values";
import type { ColumnSpec } from "./column-specs";

export function ValueCell({ value }: { value: CellValue }) {
  if (value.kind === "count") return <CountCell value={value.value} />;
  if (value.kind === "share") return <ShareCell value={value.value} interval={value.interval} />;
  return <>{cellText(value)}</>;
}

export function toColumns<Row extends RowData>(specs: ColumnSpec<Row>[]): DataTableColumn<Row>[] {
  const h = createColumnHelper<DataTableFeatures, Row>();
  return specs.map((spec) =>
    h.display({
      id: spec.id,
      header: spec.header,
      enableSorting: false,
      cell: ({ row }) => {
        const value = <ValueCell value={spec.value(row.original)} />;
        return spec.href ? <DrillLink href={spec.href(row.original)}>{value}</DrillLink> : value;
      },
    }),
  );
}
