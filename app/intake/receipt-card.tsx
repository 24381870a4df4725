import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { deleteDraft } from "./device-draft";
import { ReviewTimeline } from "./review-timeline";

/** Shown once, right after the report was stored: the code cannot be shown again or recovered. */
export function ReceiptCard({ receiptCode, retentionDays }: { receiptCode: string; retentionDays: number }) {
  const [hydrated, setHydrated] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    setHydrated(true);
    deleteDraft(); // the report is stored: a draft on this device is no longer needed (docs/design.md §6.2)
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receiptCode);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="receipt-card" aria-labelledby="receipt-title">
      <p className="notice ok" role="status">
        Your report was received and stored securely. Thank you for sharing it.
      </p>
      <h2 id="receipt-title">Your receipt code</h2>
      <p className="receipt-code" aria-label={`Receipt code: ${receiptCode.split("").join(" ")}`}>
        {receiptCode.split("-").map((group, i) => (
          <span key={i}>{group}</span>
        ))}
      </p>
      <div className="notice">
        <p>
          <strong>This code is shown only once and cannot be recovered.</strong> We keep only a scrambled form of it, so
          nobody, not even us, can look it up for you.
        </p>
        <p>
          With it you can check the status of your report and answer reviewers' questions on the{" "}
          <Link to="/receipt">receipt page</Link>. Anyone who has the code can do the same, so keep it private: write it
          down rather than saving it where others can see it.
        </p>
      </div>
      {hydrated ? (
        <div className="form-actions receipt-actions no-print">
          <button type="button" onClick={copy}>
            {copied ? "Copied" : "Copy code"}
          </button>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      ) : null}
      <ReviewTimeline
        status={{ status: "received", destroyed: false, questionOn: null, destroyOn: null }}
        retentionDays={retentionDays}
      />
      {/* Links apart from the buttons above: a list of places to go, not more actions in the row. */}
      <nav className="receipt-links no-print" aria-label="After sending">
        <ul>
          <li>
            <Link to="/receipt">Check status with a receipt code</Link>
          </li>
          <li>
            <Link to="/reports">Read published reports</Link>
          </li>
          <li>
            <Link to="/">Home</Link>
          </li>
        </ul>
      </nav>
    </section>
  );
}
