import { bookPeriodText } from "./words";

/** The book's released periods as a select's options, newest first: years, then quarters. */
export function BookPeriodOptions({ years, quarters }: { years: readonly string[]; quarters: readonly string[] }) {
  return (
    <>
      <optgroup label="Years">
        {[...years].reverse().map((y) => (
          <option key={y} value={y}>
            {bookPeriodText(y)}
          </option>
        ))}
      </optgroup>
      <optgroup label="Quarters">
        {[...quarters].reverse().map((q) => (
          <option key={q} value={q}>
            {bookPeriodText(q)}
          </option>
        ))}
      </optgroup>
    </>
  );
}
