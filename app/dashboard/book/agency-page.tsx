// The agency page on the release book: agency and "as of" on top, the choices, the headline,
// what changed, each panel with the layer its figures come from, public lessons. Below the minimum the
// page says so and shows what it can; before the first release, that it is being prepared.
import { useNavigation } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { agencySearchParams } from "../agency-state";
import type { AgencyBookPending, AgencyBookView } from "../agency-view-types";
import { ExportLinksContext, PageDownloads } from "../export-links";
import { LessonsPanel } from "../panels/lessons-panel";
import type { TableModel } from "../models/panel-model";
import type { SavedViewItem } from "../../../db/saved-views/saved-views";
import { BookHeadline } from "./book-headline";
import { BookPanel } from "./book-panel";
import { ChangesPanel } from "./changes-panel";
import { ChoiceForm } from "./choice-form";
import type { MatrixTableRow } from "./columns";
import { DRILL_NOTE } from "./drill-down";
import { MatrixList } from "./matrix-list";
import { agencyPanelModels } from "./models/agency-panels";
import { SavedViews } from "./saved-views";
import { asOfText, bookFilterList, bookPeriodText } from "./words";

/** On a phone the panels start folded after the first; printing opens them all again. */
function usePhoneFolding() {
  useEffect(() => {
    const panels = () => [...document.querySelectorAll<HTMLDetailsElement>("details.book-panel")];
    if (window.matchMedia("(max-width: 40rem)").matches) {
      panels()
        .slice(1)
        .forEach((d) => {
          d.open = false;
        });
      document.querySelector<HTMLDetailsElement>("details.choice-panel")?.removeAttribute("open");
    }
    const openAll = () =>
      panels().forEach((d) => {
        d.open = true;
      });
    window.addEventListener("beforeprint", openAll);
    return () => window.removeEventListener("beforeprint", openAll);
  }, []);
}

export function PendingPage({ view }: { view: AgencyBookPending }) {
  return (
    <main className="page narrow dashboard" aria-labelledby="dash-title">
      <p className="eyebrow">{view.agencyName}</p>
      <h1 id="dash-title">Your agency's first release is being prepared</h1>
      <p className="lead">
        Your agency's figures come from its release book: fixed tables released after each closed quarter of
        publication, checked so that no figure can point at the officers who reported. The first release is being
        prepared; this page fills in when it is out.
      </p>
      <p>
        Meanwhile, the reports officers shared with your agency are in the <a href="/reports?mine=1">library</a>.
      </p>
    </main>
  );
}

export function AgencyPage(props: {
  view: AgencyBookView;
  canExport: boolean;
  csrf: string;
  savedViews: SavedViewItem[];
}) {
  const { view, canExport } = props;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/agency";
  const query = agencySearchParams(view.state).toString();
  const panels = useMemo(() => agencyPanelModels(view), [view]);
  usePhoneFolding();
  const currentPath = query ? `/agency?${query}` : "/agency";
  return (
    <ExportLinksContext.Provider value={canExport ? { base: "/agency", query } : null}>
      <main className="page dashboard agency-book" aria-labelledby="dash-title">
        <header className="dash-header">
          <p className="eyebrow agency-name">{view.agencyName}</p>
          <h1 id="dash-title">Your agency's near-miss reports</h1>
          <p className="as-of">{asOfText(view.asOf)}</p>
          <p className="lead">
            Shares of the near-miss reports officers counted toward your agency, next to{" "}
            {view.profile.referenceLabel.toLowerCase()}. Reports are voluntary: they tell you what officers share, not
            how often things happen.
          </p>
          <dl className="print-choices" aria-label="Choices of this view">
            {bookFilterList(view).map((f) => (
              <div key={f.name}>
                <dt>{f.name}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </header>
        <ChoiceForm view={view} />
        <SavedViews views={props.savedViews} csrf={props.csrf} currentPath={currentPath} />
        <PageDownloads briefingHref={`/agency/briefing${query ? `?${query}` : ""}`} />
        {loading ? (
          <p className="dash-loading" role="status">
            Updating the dashboard…
          </p>
        ) : null}
        <div className={`dash-body${loading ? " is-loading" : ""}`} aria-busy={loading || undefined}>
          {view.open ? null : (
            <div className="notice info dash-closed" role="note">
              <h2>Your agency's own figures are withheld for {bookPeriodText(view.resolved.period)}</h2>
              <p>
                Your agency has fewer than {view.privacy.agencyMinReports} reports counted toward it in this period, so
                its own figures stay withheld: no figure may point at the officers who reported. Shown instead:{" "}
                {view.profile.referenceLabel.toLowerCase()} where released, and the reports shared with your agency. A
                year may hold enough reports where a quarter does not.
              </p>
            </div>
          )}
          <BookHeadline view={view} />
          <div className="dash-grid">
            <ChangesPanel view={view} />
            <BookPanel
              model={panels.topFactors}
              notes={<p>The data table also sets every factor's released years side by side. {DRILL_NOTE}</p>}
            />
            <BookPanel
              model={panels.quarterly}
              notes={
                <p>
                  Where the book withholds a quarter, the shared line still shows the reports your members can read.
                </p>
              }
            />
            <BookPanel
              model={panels.profile}
              notes={<p>Factors cited in no report of the period are listed last in the table. {DRILL_NOTE}</p>}
            />
            {panels.heatmap ? (
              <BookPanel
                model={panels.heatmap}
                extra={<MatrixList table={panels.heatmap.tables[0] as TableModel<MatrixTableRow>} />}
                notes={<p>Darker cells, larger shares; hatched cells are withheld. {DRILL_NOTE}</p>}
              />
            ) : null}
            <BookPanel model={panels.loss} />
            <BookPanel
              model={panels.shared}
              notes={
                <p>
                  <a href={`/reports?mine=1${view.state.type ? `&type=${view.state.type}` : ""}`}>
                    Read the {view.shared.reports.toLocaleString("en-US")} reports shared with your agency in the
                    library
                  </a>
                  . Reports only counted toward your agency's statistics are never listed.
                </p>
              }
            />
            <LessonsPanel
              lessons={view.lessons}
              intro="Newest published reports nationally citing your agency's most cited factors:"
            />
          </div>
          <p className="dash-privacy">
            Figures counted toward your agency come from its release book and are withheld below {view.privacy.k}{" "}
            reports (“withheld”, never shown as zero); some others are withheld so that a hidden figure cannot be worked
            out from totals.
          </p>
        </div>
      </main>
    </ExportLinksContext.Provider>
  );
}
