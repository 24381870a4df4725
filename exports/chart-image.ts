// Chart downloads: the chart's own SVG (drawn by ECharts from the panel's option, as on the page) framed
// with its title, units and period above and the source, date and privacy note below, so the image
// still says what it shows once it is pasted into a slide. PNG: that SVG rasterised by resvg (a Rust
// renderer shipped as a prebuilt binary inside its npm package) at twice the size.
import { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY, fontFiles } from "./fonts";

export interface ChartFrame {
  title: string;
  subtitle: string;
  /** Lines under the chart: source and date, privacy note. */
  footer: string[];
}

const PAD = 16;
const TITLE_SIZE = 16;
const FOOT_SIZE = 11;

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

/** Long lines are wrapped at about `width` pixels (an average glyph is ~0.55 em wide). */
function wrap(text: string, width: number, size: number): string[] {
  const max = Math.max(20, Math.floor(width / (size * 0.55)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart SVG (with its own width and height) inside a frame with title and footer. */
export function framedChartSvg(chartSvg: string, width: number, height: number, frame: ChartFrame): string {
  const textWidth = width - 2 * PAD;
  const titleLines = wrap(frame.title, textWidth, TITLE_SIZE);
  const subtitleLines = wrap(frame.subtitle, textWidth, 12);
  const footLines = frame.footer.flatMap((f) => wrap(f, textWidth, FOOT_SIZE));
  const top = PAD + titleLines.length * (TITLE_SIZE + 6) + subtitleLines.length * 16 + 8;
  const bottom = top + height + 8;
  const total = bottom + footLines.length * (FOOT_SIZE + 5) + PAD;
  const text = (lines: string[], y0: number, step: number, attrs: string) =>
    lines.map((l, i) => `<text x="${PAD}" y="${y0 + i * step}" ${attrs}>${escapeXml(l)}</text>`).join("");
  const inner = chartSvg.replace(/^<svg\b/, `<svg x="0" y="${top}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    text(
      titleLines,
      PAD + TITLE_SIZE,
      TITLE_SIZE + 6,
      `font-family="${FONT_FAMILY}, sans-serif" font-size="${TITLE_SIZE}" font-weight="bold" fill="#111827"`,
    ),
    text(
      subtitleLines,
      PAD + titleLines.length * (TITLE_SIZE + 6) + 12,
      16,
      `font-family="${FONT_FAMILY}, sans-serif" font-size="12" fill="#4b5563"`,
    ),
    inner,
    text(
      footLines,
      bottom + FOOT_SIZE,
      FOOT_SIZE + 5,
      `font-family="${FONT_FAMILY}, sans-serif" font-size="${FOOT_SIZE}" fill="#4b5563"`,
    ),
    `</svg>`,
  ].join("\n");
}

/** The SVG as a PNG at `scale` times its size, with DejaVu Sans Condensed for every font the SVG names. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: {
      loadSystemFonts: false,
      // Only the condensed faces: their family name is "DejaVu Sans" (condensed is a stretch), so every
      // font the SVG names resolves to them.
      fontFiles: [fontFiles.condensed, fontFiles.condensedBold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: "off",
  });
  return resvg.render().asPng();
}
