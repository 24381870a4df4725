// The headline: reports in the period, and the latest month/quarter against the one before and the same
// one a year earlier. Counts of reports officers chose to share — never called risk.
import { isSuppressed } from "../../domain/figures";
import { changeText, countText } from "~/charts/format";
import { formatBin, formatPeriod } from "./period-label";
import type { Headline, HeadlineComparison, PeriodInfo } from "./view-types";

const grainWords = { month: "month", quarter: "quarter", year: "12 months" } as const;

function Comparison({ title, comparison }: { title: string; comparison: HeadlineComparison | null }) {
  if (!comparison) return null;
  const withheld = isSuppressed(comparison.count);
  return (
    <div className="headline-card">
      <p className="headline-label">
        {title} ({formatBin(comparison.label)})
      </p>
      <p className={`headline-figure${withheld ? " withheld" : ""}`}>{countText(comparison.count)}</p>
      <p className="headline-note">Change to the latest: {changeText(comparison.change)}</p>
    </div>
  );
}

export function HeadlineStrip({
  headline,
  period,
  subject,
}: {
  headline: Headline;
  period: PeriodInfo;
  subject: string;
}) {
  const word = grainWords[headline.grain];
  return (
    <section className="headline-strip" aria-label="Headline figures">
      <div className="headline-card">
        <p className="headline-label">Reports shared · {formatPeriod(period)}</p>
        <p className={`headline-figure${isSuppressed(headline.periodReports) ? " withheld" : ""}`}>
          {countText(headline.periodReports)}
        </p>
        <p className="headline-note">
          {subject}
          {headline.nationalReports !== null && subject !== "National"
            ? ` · ${headline.nationalReports.toLocaleString("en-US")} nationally`
            : ""}
        </p>
      </div>
      {headline.latest ? (
        <div className="headline-card">
          <p className="headline-label">
            Latest {word} ({formatBin(headline.latest.label)})
          </p>
          <p className={`headline-figure${isSuppressed(headline.latest.count) ? " withheld" : ""}`}>
            {countText(headline.latest.count)}
          </p>
          <p className="headline-note">reports shared</p>
        </div>
      ) : null}
      <Comparison
        title={headline.grain === "year" ? "The 12 months before" : `Previous ${word}`}
        comparison={headline.previous}
      />
      <Comparison title={`Same ${word} a year earlier`} comparison={headline.lastYear} />
      {headline.flagged.length > 0 ? (
        <div className="headline-card headline-flags">
          <p className="headline-label">Cited more often than the reference (PRR flag)</p>
          <ul>
            {headline.flagged.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
