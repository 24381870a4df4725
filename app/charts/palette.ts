// Colour-blind safe colours (Okabe & Ito 2008) and the look of a withheld figure. Browser-safe.

export const colors = {
  blue: "#0072B2",
  orange: "#E69F00",
  green: "#009E73",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  sky: "#56B4E9",
  yellow: "#F0E442",
  black: "#000000",
  grey: "#6b7280",
  ink: "#1f2937",
  line: "#d1d5db",
} as const;

/** Series colours in order: distinguishable with any common colour-vision deficiency. */
export const seriesColors = [
  colors.blue,
  colors.orange,
  colors.green,
  colors.vermillion,
  colors.purple,
  colors.sky,
  colors.black,
];

/** Sequential blues for the heatmap (light = few, dark = many), readable in greyscale too. */
export const sequentialBlues = ["#eff6fb", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

export function sequentialColor(value: number, max: number): string {
  if (!(max > 0)) return sequentialBlues[0]!;
  const i = Math.min(sequentialBlues.length - 1, Math.floor((value / max) * (sequentialBlues.length - 1) + 0.5));
  return sequentialBlues[Math.max(0, i)]!;
}

/** Text on a sequential cell: white on the two darkest steps (AA contrast). */
export function textOn(background: string): string {
  return background === sequentialBlues[4] || background === sequentialBlues[5] ? "#ffffff" : colors.ink;
}

export const withheldFill = "#f3f4f6";
export const withheldStroke = "#6b7280";
export const WITHHELD_TEXT = "withheld";
