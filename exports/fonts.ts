// The fonts every image and PDF export uses: DejaVu Sans from the dejavu-fonts-ttf package, so the
// output does not depend on the fonts a server happens to have, and covers the marks the dashboards
// use (— – × ÷ ▲ ≥ −) that the PDF standard fonts lack.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const FONT_FAMILY = "DejaVu Sans";

export const fontFiles = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  // Chart text: ECharts lays charts out on the server with the glyph widths of an Arial-like font;
  // DejaVu Sans is wider and would overrun the axis labels, DejaVu Sans Condensed fits.
  condensed: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf"),
  condensedBold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf"),
};
