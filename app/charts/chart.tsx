// The one ECharts wrapper: the server paints the chart as SVG (ECharts SSR) so the page shows it before
// any script runs; in the browser ECharts takes over the same box, follows its size and is disposed with
// it. A click on an item with an `href` opens that page (drill-down into the report library).
import { useNavigate } from "@remix-run/react";
import type { EChartsOption } from "echarts";
import { useEffect, useId, useRef, useState } from "react";
import { echarts } from "./echarts-setup";
import { renderChartSvg } from "./render-svg";

export interface ChartProps {
  option: EChartsOption;
  height: number;
  /** What the chart shows, for screen readers (the data table beside it has the figures). */
  label: string;
  /** Width the server draws at; the SVG scales to the box until the browser draws at its real size. */
  ssrWidth?: number;
}

function firstPaint(option: EChartsOption, width: number, height: number, domId: string): string {
  // On the server: draw. In the browser while hydrating: keep exactly what the server drew.
  if (typeof document === "undefined") return renderChartSvg(option, width, height, domId);
  return document.getElementById(domId)?.innerHTML ?? "";
}

export function Chart({ option, height, label, ssrWidth = 720 }: ChartProps) {
  const domId = `chart-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [svg] = useState(() => firstPaint(option, ssrWidth, height, domId));
  const [live, setLive] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const instance = useRef<ReturnType<typeof echarts.init> | null>(null);
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  // The click handler is bound once; it reads the latest navigate (refs are written outside render).
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: "svg" });
    instance.current = chart;
    chart.on("click", (params) => {
      const href = (params.data as { href?: unknown } | undefined)?.href;
      if (typeof href === "string") navigateRef.current(href);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    setLive(true);
    return () => {
      observer.disconnect();
      chart.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    // A copy: ECharts clears the media list on the object it is given.
    instance.current?.setOption({ ...option }, { notMerge: true });
  }, [option, live]);

  return (
    // "is-live" once the browser's ECharts owns the box (after hydration): only then do marks react to
    // the pointer; the server's picture stays inert (charts looked clickable before they were).
    <div className={`chart-box${live ? " is-live" : ""}`} style={{ height }} role="img" aria-label={label}>
      {live ? null : <div id={domId} className="chart-ssr" dangerouslySetInnerHTML={{ __html: svg }} />}
      <div ref={box} className="chart-live" aria-hidden={live ? undefined : true} />
    </div>
  );
}
