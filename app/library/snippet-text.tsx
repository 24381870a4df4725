import type { Snippet } from "./library.server";

/** A highlighted snippet: query words in <mark>, everything as text (never HTML). */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>{snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>
  );
}
