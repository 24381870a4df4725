// Downloads a file the server makes slowly (the briefing PDF takes seconds) with the page still in
// place: the page says "Preparing…" while it is made, and a refusal is shown where the person is
// looking instead of a navigation that lands back at the top of the page. Without JavaScript the form
// posts as usual.
import { useState } from "react";

export type DownloadState =
  { state: "idle" } | { state: "preparing" } | { state: "done"; name: string } | { state: "failed"; message: string };

const FAILED = "The PDF could not be made. Nothing was downloaded; please try again.";

function fileName(disposition: string | null, fallback: string): string {
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

/** `download(url)`: fetches it, hands the file to the browser, and reports progress in `status`. */
export function useFileDownload(fallbackName: string) {
  const [status, setStatus] = useState<DownloadState>({ state: "idle" });
  const download = async (url: string) => {
    setStatus({ state: "preparing" });
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/pdf" } });
      const type = response.headers.get("Content-Type") ?? "";
      // A choice the server refuses comes back as a plain-text reason (or, redirected, as the builder page).
      if (!response.ok || !type.startsWith("application/pdf")) {
        const text = type.startsWith("text/plain") ? (await response.text()).trim() : "";
        return setStatus({ state: "failed", message: text || FAILED });
      }
      const blob = await response.blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = fileName(response.headers.get("Content-Disposition"), fallbackName);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setStatus({ state: "done", name: link.download });
    } catch {
      setStatus({ state: "failed", message: FAILED });
    }
  };
  return { status, download };
}
