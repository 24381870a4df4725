// The headline: reports counted toward the agency in the chosen period, against the period before and a
// year before (book cells), and the shared reports of the chosen months (free layer).
import { isSuppressed } from "../../../domain/figures";
import { changeText, countText } from "~/charts/format";
import type { AgencyBookView } from "../agency-view-types";
import { bookPeriodText, monthRangeText } from "./words";

type Comparison = NonNullable<AgencyBookView["headline"]["previous"]>;

function Card({ label, count, note }: { label: string; count: AgencyBookView["headline"]["reports"]; note: string }) {
  return (
    <div className="headline-card">
      <p className="headline-label">{label}</p>
      <p className={`headline-figure${isSuppressed(count) ? " withheld" : ""}`}>{countText(count)}</p>
      <p className="headline-note">{note}</p>
    </div>
  );
}

function Earlier({ title, comparison }: { title: string; comparison: Comparison | null }) {
  if (!comparison) return null;
  return (
    <Card
      label={`${title}: ${bookPeriodText(comparison.period)}`}
      count={comparison.count}
      note={`Change since then: ${changeText(comparison.change)}`}
    />
  );
}

export function BookHeadline({ view }: { view: AgencyBookView }) {
  const { headline, shared } = view;
  return (
    <section className="headline-strip" aria-label="Headline figures">
      <Card
        label={`Reports counted toward your agency · ${bookPeriodText(headline.period)}`}
        count={headline.reports}
        note="release book"
      />
      <Earlier
        title={headline.period.includes("Q") ? "Quarter before" : "Year before"}
        comparison={headline.previous}
      />
      <Earlier title="Same quarter a year before" comparison={headline.yearBefore} />
      <Card
        label={`Reports shared with your agency · ${monthRangeText(shared.from, shared.to)}`}
        count={shared.reports}
        note="reports your members can read"
      />
    </section>
  );
}
