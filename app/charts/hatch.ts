// Hatching drawn as plain line elements (custom series), so that a withheld figure looks the same in the
// server's SVG and in the browser: ECharts decals need a canvas the server does not have.
import { withheldFill, withheldStroke } from "./palette";

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** 45° lines every `spacing` px, clipped to the rectangle. */
export function hatchSegments(x: number, y: number, width: number, height: number, spacing = 6): Segment[] {
  const out: Segment[] = [];
  if (width <= 0 || height <= 0) return out;
  // Lines x − y = c run bottom-left to top-right; c from −height to width.
  for (let c = -height + spacing / 2; c < width; c += spacing) {
    const startX = Math.max(0, c);
    const endX = Math.min(width, c + height);
    if (endX <= startX) continue;
    out.push({ x1: x + startX, y1: y + height - (startX - c), x2: x + endX, y2: y + height - (endX - c) });
  }
  return out;
}

/** A custom-series group: a light rectangle with hatching and a dashed outline. */
export function hatchedRect(x: number, y: number, width: number, height: number) {
  return {
    type: "group" as const,
    children: [
      {
        type: "rect" as const,
        shape: { x, y, width, height },
        style: { fill: withheldFill, stroke: withheldStroke, lineWidth: 1, lineDash: [3, 2] },
      },
      ...hatchSegments(x, y, width, height).map((s) => ({
        type: "line" as const,
        shape: s,
        style: { stroke: withheldStroke, lineWidth: 1, opacity: 0.55 },
        silent: true,
      })),
    ],
  };
}
