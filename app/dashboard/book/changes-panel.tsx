import type { AgencyBookView } from "../agency-view-types";
import { changesOf } from "./models/changes";
import { layerWords } from "./words";

/** "What changed", in plain words: totals, the followed factors year on year, factors cited more often. */
export function ChangesPanel({ view }: { view: AgencyBookView }) {
  const lines = changesOf(view);
  return (
    <details className="panel dash-panel book-panel dash-wide" open data-panel="changes">
      <summary className="dash-panel-head">
        <h2 id="changes-title">What changed</h2>
      </summary>
      <p className="layer-line">
        <span className="layer-tag layer-book">{layerWords.book}</span>
      </p>
      {lines.length === 0 ? (
        <p className="dash-all-withheld" role="note">
          Nothing can be said yet: your agency's book has no two released years to compare.
        </p>
      ) : (
        <ul className="changes">
          {lines.map((l) => (
            <li key={l.key} className={l.clear ? "is-clear" : undefined}>
              {l.text}
            </li>
          ))}
        </ul>
      )}
      <p className="dash-notes-line">
        Reports are voluntary: a change in what officers share is not a change in how often things happen.
      </p>
    </details>
  );
}
