// How the agency page names its choices and layers — in the page, in chart titles, in image text, in
// file names and in every file's metadata block (trainers paste them into slides, where the
// filters must travel with the figure). Browser-safe.
import { labels } from "../../../domain/taxonomy/index";
import type { AgencyBookView } from "../agency-view-types";
import type { DataLayer } from "../models/panel-model";
import { formatBin } from "../period-label";

export const layerWords: Record<DataLayer, string> = {
  book: "All reports counted toward your agency (release book)",
  shared: "Reports shared with your agency",
  public: "Published reports nationally",
};

/** Why a layer can be trusted, in one line (the page's panel footers and the files' notes). */
export const layerNotes: Record<DataLayer, string> = {
  book: "Frozen tables released per closed quarter of publication; figures that could point at officers are withheld.",
  shared:
    "Reports officers chose to share with your agency's team, which members can read in the library: any months, " +
    "nothing withheld.",
  public: "Published, de-identified reports of the whole programme.",
};

const QUARTER_MONTHS = ["Jan–Mar", "Apr–Jun", "Jul–Sep", "Oct–Dec"];

/** "2025" → "2025"; "2025-Q3" → "2025 Q3 (Jul–Sep)": periods of publication. */
export function bookPeriodText(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  return q ? `${q[1]} Q${q[2]} (${QUARTER_MONTHS[Number(q[2]) - 1]})` : period;
}

export function monthRangeText(from: string, to: string): string {
  return `${formatBin(from)} – ${formatBin(to)}`;
}

/** The page's choices in its own words, the resolved period always included. */
export function bookFilterList(
  view: Pick<AgencyBookView, "resolved" | "state" | "profile">,
): { name: string; value: string }[] {
  const list = [{ name: "Period of publication", value: bookPeriodText(view.resolved.period) }];
  if (view.state.type) list.push({ name: "Incident type", value: labels.incidentType(view.state.type) });
  if (view.state.factor) list.push({ name: "Factor followed", value: labels.factor(view.state.factor) });
  list.push({ name: "Compared with", value: view.profile.referenceLabel });
  list.push({
    name: "Reports shared with your agency: months of publication",
    value: monthRangeText(view.resolved.sharedFrom, view.resolved.sharedTo),
  });
  return list;
}

/** A short line of the choices for chart titles and image text: "2025 · Traffic stop · vs …". */
export function choiceLine(view: Pick<AgencyBookView, "resolved" | "state" | "profile">): string {
  return [
    bookPeriodText(view.resolved.period),
    view.state.type ? labels.incidentType(view.state.type) : null,
    view.state.factor ? `factor: ${labels.factor(view.state.factor)}` : null,
    `vs ${view.profile.referenceLabel.toLowerCase()}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The choices as an ASCII file-name part: "2025-traffic_stop-vs-size". */
export function choiceStem(view: Pick<AgencyBookView, "resolved" | "state">): string {
  return [
    view.resolved.period,
    view.state.type,
    view.state.factor,
    view.resolved.reference === "national" ? null : `vs-${view.resolved.reference}`,
  ]
    .filter(Boolean)
    .join("-");
}

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** The page's "as of" line: the latest release, its day and the quarter it closed. */
export function asOfText(asOf: AgencyBookView["asOf"]): string {
  if (!asOf) return "No release yet.";
  return (
    `As of the release of ${DATE.format(new Date(`${asOf.releasedOn}T00:00:00Z`))}: figures counted toward your ` +
    `agency cover quarters of publication up to ${bookPeriodText(asOf.quarter)}.`
  );
}
