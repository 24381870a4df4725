// Download links of the report library: the current results (the page's filters, search and sort, all
// pages) as CSV or XLSX, with or without the narratives. Plain links to a resource route.
import { useLocation } from "@remix-run/react";

export function LibraryDownloads({ total }: { total: number }) {
  const location = useLocation();
  if (total === 0) return null;
  const params = new URLSearchParams(location.search);
  params.delete("page");
  params.delete("size");
  const query = params.toString() ? `?${params}` : "";
  const href = (file: string) => `/reports/export/${file}${query}`;
  const what = `${total.toLocaleString("en-US")} ${total === 1 ? "report" : "reports"}`;
  return (
    <div className="library-downloads">
      <span className="label" id="library-downloads-label">
        Download these {what}
      </span>
      <a className="download" href={href("reports.csv")} download aria-label={`Download these ${what}: CSV`}>
        CSV
      </a>
      <a className="download" href={href("reports.xlsx")} download aria-label={`Download these ${what}: XLSX`}>
        XLSX
      </a>
      <a
        className="download"
        href={href("reports-with-narratives.csv")}
        download
        aria-label={`Download these ${what}: CSV with narratives`}
      >
        CSV with narratives
      </a>
    </div>
  );
}
