// Cell renderers shared by the dashboard tables: a withheld figure is written out as withheld, with why.
import { Link } from "@remix-run/react";
import { isSuppressed, type Count, type Share } from "../../../domain/figures";
import { countText, intervalText, shareText } from "~/charts/format";

export function CountCell({ value }: { value: Count | null | undefined }) {
  if (value !== null && value !== undefined && isSuppressed(value))
    return <span className="withheld">{countText(value)}</span>;
  return <>{countText(value)}</>;
}

export function ShareCell({ value, interval = true }: { value: Share | null | undefined; interval?: boolean }) {
  if (value !== null && value !== undefined && isSuppressed(value))
    return <span className="withheld">{shareText(value)}</span>;
  if (value === null || value === undefined) return <>—</>;
  return (
    <>
      {shareText(value)}
      {interval ? <span className="interval"> ({intervalText(value)})</span> : null}
    </>
  );
}

export function DrillLink({ href, children }: { href: string | undefined; children: React.ReactNode }) {
  return href ? <Link to={href}>{children}</Link> : <>{children}</>;
}
