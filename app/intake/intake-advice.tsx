/** What every officer should know before typing (docs/design.md §6.8), short enough to read on a phone. */
export function IntakeAdvice() {
  return (
    <div className="intake-advice">
      <p className="notice info">
        <strong>Use a personal device on a non-agency network.</strong> Agency computers, MDTs and Wi-Fi are usually
        logged. We keep no address, device or time for reports, but your agency's network may.
      </p>
      <details>
        <summary>What counts as a near miss?</summary>
        <p>
          A close call or unsafe occurrence that could have seriously injured or killed you or another officer, but for
          a fortunate break in the chain of events: a missed weapon found later, a near strike at a crash scene, a radio
          that failed at the wrong moment.
        </p>
      </details>
      <details>
        <summary>What is removed before publication?</summary>
        <p>
          Experienced officers read every report and remove names, badge, unit, car and call-sign numbers, agency names,
          beats and districts, addresses, intersections and mile markers, exact dates and times, case and CAD numbers,
          plates, phone numbers and radio channels. Two reviewers must approve before anything is published. Never paste
          NCIC or other records results.
        </p>
      </details>
      <details>
        <summary>What do we keep?</summary>
        <p>
          Your report, encrypted, and only the date we received it. No account, no cookies, no address or device
          details. Once the report is published or declined, the raw text is destroyed after a short retention period.
        </p>
      </details>
    </div>
  );
}
