import { renderSVG } from "uqr";

/** A QR code as an SVG data URI: no script, no third-party service, allowed by the CSP's img-src. */
export function qrCodeDataUri(text: string): string {
  const svg = renderSVG(text, { ecc: "M", border: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
