// The training briefing as a PDF (pdfkit): a title page with the agency, period and filters; the factor
// breakdown as a vector chart (the dashboard's own ECharts SVG, drawn with svg-to-pdfkit) and its table;
// then each chosen report in the programme's published layout (Event summary / Contributing risk factors
// / Lessons learned) with discussion questions. Every page has a footer with the page number and the
// privacy note. DejaVu Sans throughout (the marks — – × ▲ need more than the PDF standard fonts).
import type { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { cellText, type ExportTable } from "../domain/export-table";
import type { ExportMetadata } from "./export-metadata";
import { fontFiles } from "./fonts";

export interface BriefingReport {
  publicNumber: string;
  title: string;
  /** One line of coded facts, e.g. "Traffic stop · Mar 2024 · Could have been: serious injury". */
  facts: string;
  summary: string;
  factors: string[];
  lessons: string;
  questions: string[];
}

export interface BriefingInput {
  /** Whose briefing: the agency's name (or "National"). */
  audience: string;
  periodLabel: string;
  meta: ExportMetadata;
  chart: { svg: string; width: number; height: number; title: string; units: string } | null;
  /** The factor breakdown table, as on the dashboard (the briefing's body keeps it short). */
  table: ExportTable;
  /** The full table, after the reports (the body had pages of mostly withheld rows). */
  appendix?: ExportTable;
  /** Said above the chart when the agency's own figures are closed (national and peer figures instead). */
  chartNote?: string;
  reports: BriefingReport[];
  /** One line for every page footer: the privacy rule in short. */
  footerNote: string;
}

const INK = "#111827";
const MUTED = "#4b5563";
const ACCENT = "#0b3d6b";
const LINE = "#d1d5db";
const MARGIN = 54;
const FOOTER_SPACE = 40;

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string, size = 15) {
  doc
    .moveDown(0.6)
    .font("Bold")
    .fontSize(size)
    .fillColor(ACCENT)
    .text(text)
    .moveDown(0.25)
    .font("Regular")
    .fontSize(10)
    .fillColor(INK);
}

function paragraph(doc: Doc, text: string) {
  for (const para of text.split(/\n\s*\n/))
    doc.font("Regular").fontSize(10.5).fillColor(INK).text(para.trim(), { align: "left", lineGap: 2, paragraphGap: 6 });
}

function titlePage(doc: Doc, input: BriefingInput) {
  const width = doc.page.width - 2 * MARGIN;
  doc.font("Bold").fontSize(10).fillColor(MUTED).text("CLOSE CALL · TRAINING BRIEFING", { characterSpacing: 1 });
  doc.moveDown(2).font("Bold").fontSize(26).fillColor(ACCENT).text("Near misses to learn from", { width });
  doc.moveDown(0.3).font("Regular").fontSize(16).fillColor(INK).text(input.audience, { width });
  doc.moveDown(0.2).fontSize(12).fillColor(MUTED).text(input.periodLabel);
  doc.moveDown(1.5);
  heading(doc, "Filters", 12);
  for (const f of input.meta.filters) {
    doc.font("Bold").fontSize(10).fillColor(INK).text(`${f.name}: `, { continued: true }).font("Regular").text(f.value);
  }
  heading(doc, "In this briefing", 12);
  const items = [
    "Contributing factors: chart and table",
    ...input.reports.map((r) => `Report ${r.publicNumber}: ${r.title}`),
    ...(input.appendix ? [`Appendix: ${input.appendix.title}`] : []),
  ];
  doc.font("Regular").fontSize(10.5).fillColor(INK).list(items, { bulletRadius: 2, textIndent: 12, lineGap: 2 });
  heading(doc, "About these figures", 12);
  for (const note of [...(input.meta.notes ?? []), ...input.meta.suppression])
    doc.font("Regular").fontSize(9.5).fillColor(MUTED).text(note, { paragraphGap: 4 });
  doc
    .moveDown(1)
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `Made ${input.meta.generatedAt.toISOString().slice(0, 10)} from the programme's published, de-identified ` +
        `reports · taxonomy version ${input.meta.taxonomyVersion}.`,
    );
}

const TABLE_FONT = 7.5;
const CELL_PAD = 3;

/** Column widths: the label columns wider, the figures sharing the rest. */
function columnWidths(doc: Doc, count: number): number[] {
  const total = doc.page.width - 2 * MARGIN;
  const fixed = [120, 70].slice(0, count);
  const rest = (total - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, count - fixed.length);
  return Array.from({ length: count }, (_, i) => fixed[i] ?? rest);
}

function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? "Bold" : "Regular").fontSize(TABLE_FONT);
  return (
    Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD + 1
  );
}

/** The table in page-sized pieces, each with the header row again, so a continued table stays readable. */
function drawTable(doc: Doc, table: ExportTable) {
  const widths = columnWidths(doc, table.headers.length);
  const header = table.headers.map((h) => ({
    text: h,
    type: "TH" as const,
    font: { src: "Bold" as const, size: TABLE_FONT },
    backgroundColor: "#eef2f7",
  }));
  const headerHeight = rowHeight(doc, table.headers, widths, true);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const flush = (rows: string[][]) => {
    doc.font("Regular").fontSize(TABLE_FONT).fillColor(INK);
    doc.table({
      data: [header, ...rows],
      position: { x: MARGIN, y: doc.y },
      columnStyles: widths,
      defaultStyle: {
        border: 0.5,
        borderColor: LINE,
        padding: CELL_PAD,
        font: { size: TABLE_FONT },
      } as PDFKit.Mixins.CellStyle,
    });
  };
  let piece: string[][] = [];
  let used = headerHeight;
  for (const row of table.rows.map((r) => r.map((c) => cellText(c)))) {
    const height = rowHeight(doc, row, widths, false);
    if (doc.y + used + height > bottom()) {
      if (piece.length > 0) flush(piece);
      doc.addPage();
      piece = [];
      used = headerHeight;
    }
    piece.push(row);
    used += height;
  }
  if (piece.length > 0) flush(piece);
}

function factorPages(doc: Doc, input: BriefingInput) {
  doc.addPage();
  doc
    .font("Bold")
    .fontSize(18)
    .fillColor(ACCENT)
    .text(input.chart?.title ?? input.table.title);
  if (input.chart)
    doc
      .moveDown(0.2)
      .font("Regular")
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(`${input.chart.units} · ${input.periodLabel}`);
  if (input.chartNote) doc.moveDown(0.4).font("Regular").fontSize(9.5).fillColor(INK).text(input.chartNote);
  doc.moveDown(0.5);
  if (input.chart) {
    const width = doc.page.width - 2 * MARGIN;
    const height = (input.chart.height * width) / input.chart.width;
    SVGtoPDF(doc, input.chart.svg, MARGIN, doc.y, {
      width,
      height,
      assumePt: false,
      preserveAspectRatio: "xMinYMin meet",
      fontCallback: (_family: string, bold: boolean) => (bold ? "ChartBold" : "ChartRegular"),
    });
    doc.y += height + 8;
  }
  drawTable(doc, input.table);
}

function reportPage(doc: Doc, report: BriefingReport, index: number, total: number) {
  doc.addPage();
  doc
    .font("Bold")
    .fontSize(9)
    .fillColor(MUTED)
    .text(`REPORT ${index + 1} OF ${total} · No. ${report.publicNumber}`, { characterSpacing: 0.5 });
  doc.moveDown(0.3).font("Bold").fontSize(17).fillColor(INK).text(report.title);
  doc.moveDown(0.2).font("Regular").fontSize(9.5).fillColor(MUTED).text(report.facts);
  heading(doc, "Event summary");
  paragraph(doc, report.summary);
  heading(doc, "Contributing risk factors");
  doc
    .font("Regular")
    .fontSize(10.5)
    .fillColor(INK)
    .list(report.factors.length ? report.factors : ["None coded"], { bulletRadius: 2, textIndent: 12, lineGap: 2 });
  heading(doc, "Lessons learned");
  paragraph(doc, report.lessons);
  heading(doc, "Discussion questions");
  doc
    .font("Regular")
    .fontSize(10.5)
    .fillColor(INK)
    .list(report.questions, { listType: "numbered", textIndent: 16, lineGap: 2, paragraphGap: 4 });
}

function footers(doc: Doc, input: BriefingInput) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin while drawing.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 4;
    const width = doc.page.width - 2 * MARGIN;
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(doc.page.width - MARGIN, y - 6)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    doc.font("Regular").fontSize(8).fillColor(MUTED);
    doc.text(`Close Call training briefing · ${input.audience} · ${input.periodLabel}`, MARGIN, y, {
      width: width - 80,
      lineBreak: false,
    });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, doc.page.width - MARGIN - 80, y, {
      width: 80,
      align: "right",
      lineBreak: false,
    });
    doc.text(input.footerNote, MARGIN, y + 11, { width, lineBreak: false, ellipsis: true });
    doc.page.margins.bottom = bottom;
  }
}

/** The briefing as a PDF byte stream. */
export function briefingPdf(input: BriefingInput): Readable {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    info: {
      Title: `Training briefing — ${input.audience}`,
      Author: "Close Call",
      Subject: input.meta.title,
      CreationDate: input.meta.generatedAt,
    },
    lang: "en-US",
    pdfVersion: "1.7",
  });
  doc.registerFont("Regular", fontFiles.regular);
  doc.registerFont("Bold", fontFiles.bold);
  doc.registerFont("ChartRegular", fontFiles.condensed);
  doc.registerFont("ChartBold", fontFiles.condensedBold);
  doc.font("Regular");
  titlePage(doc, input);
  factorPages(doc, input);
  input.reports.forEach((r, i) => reportPage(doc, r, i, input.reports.length));
  if (input.appendix) {
    doc.addPage();
    doc.font("Bold").fontSize(18).fillColor(ACCENT).text(`Appendix: ${input.appendix.title}`);
    doc.moveDown(0.5);
    drawTable(doc, input.appendix);
  }
  footers(doc, input);
  doc.end();
  return doc;
}
