import type { Segment } from "../segment";

const statusText = { open: "to decide", accepted: "removed", rejected: "kept" } as const;

function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.finding ? (
          <mark
            key={i}
            className={`finding finding-${s.finding.status}`}
            title={`${s.finding.type} · ${statusText[s.finding.status as keyof typeof statusText]}`}
          >
            <a href={`#finding-${s.finding.id}`}>{s.text}</a>
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/**
 * The officer's words with every finding highlighted (yellow: to decide, struck: removed, grey: kept).
 * Selecting text here fills the "mark another span" form, when JavaScript runs.
 */
export function RawPane({
  title,
  narrative,
  lessons,
  onSelect,
}: {
  title: Segment[];
  narrative: Segment[];
  lessons: Segment[];
  onSelect?: (text: string) => void;
}) {
  const select = () => {
    const text = window.getSelection()?.toString().trim();
    if (text && onSelect) onSelect(text);
  };
  return (
    <section className="pane raw-pane" aria-labelledby="raw-title">
      <h2 id="raw-title">
        Officer's report <span className="pane-note">raw, never published</span>
      </h2>
      {/* Not a control: it hears the end of a text selection (mouse or Shift+arrows) to fill the mark form. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div className="raw-text" onMouseUp={select} onKeyUp={select}>
        <p className="raw-label">Title</p>
        <p className="raw-block">
          <Highlighted segments={title} />
        </p>
        <p className="raw-label">What happened</p>
        <p className="raw-block narrative">
          <Highlighted segments={narrative} />
        </p>
        <p className="raw-label">Lessons</p>
        <p className="raw-block">
          <Highlighted segments={lessons} />
        </p>
      </div>
      <p className="legend" aria-hidden="true">
        <mark className="finding finding-open">to decide</mark>{" "}
        <mark className="finding finding-accepted">removed</mark> <mark className="finding finding-rejected">kept</mark>
      </p>
    </section>
  );
}
