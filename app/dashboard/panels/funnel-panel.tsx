import { useMemo } from "react";
import { Chart } from "~/charts/chart";
import { funnelOption } from "~/charts/funnel";
import { percent } from "~/charts/format";
import { libraryHref } from "../drill-down";
import type { DashboardState } from "../filter-schema";
import { ChartPanel, EmptyChart } from "../panel";
import { funnelColumns, funnelRows, limitColumns } from "../tables/columns";
import { StaticTable } from "../tables/static-table";
import type { FunnelView, PeriodInfo } from "../view-types";

export function FunnelPanel(props: { funnel: FunnelView; state: DashboardState; period: PeriodInfo }) {
  const { funnel, state, period } = props;
  const href = libraryHref(state, period, { factor: funnel.factor });
  const option = useMemo(() => funnelOption({
    factorLabel: funnel.label, nationalShare: funnel.nationalShare, curve: funnel.curve, points: funnel.points, href,
    description: `Funnel plot: each partner agency's share of reports citing ${funnel.label} against its number of reports, with 95% and 99.8% limits around the national share.`,
  }), [funnel, href]);
  const title = `Agencies against the national share: ${funnel.label}`;
  return (
    <ChartPanel
      id="funnel"
      title={title}
      units={`% of each agency's reports citing the factor against its reports (anonymous dots; national share ${funnel.nationalShare === null ? "—" : percent(funnel.nationalShare)})`}
      period={period}
      wide
      chart={funnel.points.length === 0 ? <EmptyChart>No agency reaches the minimum number of reports in this period.</EmptyChart> : <Chart option={option} height={380} label={title} />}
      notes={<p>{funnel.agencies.toLocaleString("en-US")} agencies with at least the minimum number of reports; {funnel.withheld} withheld for privacy. Dots outside the 99.8% limits are unlikely to differ from the national share by chance alone — a reason to look, not a verdict: these are shares of voluntary reports.</p>}
      table={
        <>
          <StaticTable columns={funnelColumns} data={funnelRows(funnel)} caption="Agencies by position" getRowId={(r) => r.key} />
          <StaticTable columns={limitColumns} data={funnel.curve} caption="Funnel limits" getRowId={(r) => String(r.n)} />
        </>
      }
    />
  );
}
