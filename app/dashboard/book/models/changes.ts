// "What changed", in plain words for a commander: no PRR, no q-values — those stay in the
// analyst's table. Built from released cells only: a withheld figure is never described. Browser-safe.
import { isSuppressed } from "../../../../domain/figures";
import { percent } from "~/charts/format";
import type { AgencyBookView } from "../../agency-view-types";
import { bookPeriodText } from "../words";

export interface ChangeLine {
  key: string;
  text: string;
  /** A change larger than chance would easily explain (the 95% intervals do not overlap). */
  clear: boolean;
}

function totalLine(view: AgencyBookView): ChangeLine | null {
  const { headline } = view;
  const period = bookPeriodText(headline.period);
  if (isSuppressed(headline.reports))
    return { key: "total", text: `Your agency's number of reports for ${period} is withheld.`, clear: false };
  const before = headline.previous;
  const reports = `${headline.reports.toLocaleString("en-US")} ${headline.reports === 1 ? "report" : "reports"}`;
  if (!before || isSuppressed(before.count) || before.change === null || isSuppressed(before.change)) {
    return { key: "total", text: `Officers counted ${reports} toward your agency in ${period}.`, clear: false };
  }
  const change = before.change;
  const how =
    Math.abs(change) < 0.005
      ? "about as many as"
      : `${Math.round(Math.abs(change) * 100)}% ${change > 0 ? "more than" : "fewer than"}`;
  return {
    key: "total",
    text:
      `Officers counted ${reports} toward your agency in ${period}: ${how} in ${bookPeriodText(before.period)} ` +
      `(${before.count.toLocaleString("en-US")}).`,
    clear: false,
  };
}

function factorLines(view: AgencyBookView): ChangeLine[] {
  return view.trends.factors.flatMap((f): ChangeLine[] => {
    const c = f.change;
    if (!c) return [];
    const now = `${f.label}: cited in ${percent(c.after, 0)} of your reports in ${c.to}`;
    if (c.direction === "same")
      return [{ key: f.factor, text: `${now}, about the same as in ${c.from}.`, clear: false }];
    const way = c.direction === "up" ? "up" : "down";
    const tail = c.clear
      ? "a clear change, larger than chance would easily explain."
      : "a change that chance alone could explain.";
    return [
      { key: f.factor, text: `${now}, ${way} from ${percent(c.before, 0)} in ${c.from} — ${tail}`, clear: c.clear },
    ];
  });
}

function higherLines(view: AgencyBookView): ChangeLine[] {
  const { profile } = view;
  const reference = profile.referenceLabel.toLowerCase();
  return profile.rows
    .filter((r) => profile.flagged.includes(r.factor))
    .flatMap((r): ChangeLine[] => {
      const a = r.agency.share;
      const b = r.reference?.share;
      if (!a || isSuppressed(a) || !b || isSuppressed(b)) return [];
      return [
        {
          key: `flag-${r.factor}`,
          text:
            `${r.label} is cited more often in your reports (${percent(a.share, 0)}) than by ${reference} ` +
            `(${percent(b.share, 0)}) in ${bookPeriodText(profile.period)}.`,
          clear: true,
        },
      ];
    });
}

export function changesOf(view: AgencyBookView): ChangeLine[] {
  return [totalLine(view), ...factorLines(view), ...higherLines(view)].filter((l): l is ChangeLine => l !== null);
}
