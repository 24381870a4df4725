import { buffer } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvStream } from "./csv-export";
import { countCell, type ExportCell } from "../domain/export-table";
import { type ExportMetadata, metadataPairs, suppressionNotes } from "./export-metadata";
import { neutraliseFormula } from "./formula-guard";
import { ABOUT_SHEET, sheetName, xlsxStream } from "./xlsx-export";

const meta: ExportMetadata = {
  title: "Test table",
  source: "unit test",
  generatedAt: new Date("2026-01-02T03:04:05.678Z"),
  filters: [
    { name: "Search words", value: '=HYPERLINK("http://x")' },
    { name: "Period", value: "2024-01 to 2025-12" },
  ],
  taxonomyVersion: 1,
  suppression: suppressionNotes(["below_k"], { k: 10, agencyMinReports: 30 }),
};

const dangerous = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0"];

async function readXlsx(stream: import("node:stream").Readable) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(stream);
  return workbook;
}

describe("formula guard", () => {
  it("prefixes an apostrophe to text that a spreadsheet would evaluate, and leaves other text alone", () => {
    for (const d of dangerous) expect(neutraliseFormula(d)).toBe(`'${d}`);
    for (const safe of ["Low light", "withheld — fewer than k reports", "12.3% (10.1%–14.5%)", "−12%", "'quoted", ""])
      expect(neutraliseFormula(safe)).toBe(safe);
  });
});

describe("CSV", () => {
  it("starts with the metadata block, says where the table starts, and neutralises every text cell", async () => {
    const rows: ExportCell[][] = [["Plain", countCell(1234)], ...dangerous.map((d) => [d, "x"])];
    const bytes = await buffer(csvStream({ meta, headers: ["Name", "=Reports"], rows }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.toString("utf8", 3);
    const lines = body.split("\r\n");
    const start = Number(/starts on line (\d+)/.exec(lines[0]!)![1]);
    expect(lines[start - 1]).toBe("Name,'=Reports");
    expect(lines[start - 2]).toBe("");
    expect(lines.slice(1, start - 2).every((l) => l.startsWith("# "))).toBe(true);
    const records = parse(body, { bom: true, from_line: start, relax_column_count: true }) as string[][];
    expect(records[1]).toEqual(["Plain", "1,234"]);
    for (const [i, d] of dangerous.entries()) expect(records[i + 2]![0]).toBe(`'${d}`);
    // The metadata block: filters, date, taxonomy version, privacy notes; a user-typed filter is neutralised too.
    expect(body).toContain("# Generated (UTC),2026-01-02T03:04:05Z");
    expect(body).toContain("# Taxonomy version,1");
    expect(body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(body).toMatch(/withheld below k = 10 reports/);
  });

  it("keeps line breaks inside quoted cells (narratives) without breaking the row", async () => {
    const body = (await buffer(csvStream({ meta, headers: ["A", "B"], rows: [["line one\nline two", "b"]] }))).toString(
      "utf8",
    );
    const start = Number(/starts on line (\d+)/.exec(body)![1]);
    expect(parse(body, { bom: true, from_line: start })).toEqual([
      ["A", "B"],
      ["line one\nline two", "b"],
    ]);
  });
});

describe("XLSX", () => {
  it("writes a sheet per table and the metadata on a second sheet; counts stay numbers", async () => {
    const workbook = await readXlsx(
      xlsxStream(meta, [
        {
          name: "Profile",
          headers: ["Factor", "Reports"],
          rows: [
            ["Low light", countCell(1234)],
            ["=2+2", "withheld — fewer than k reports"],
          ],
        },
      ]),
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Profile", ABOUT_SHEET]);
    const sheet = workbook.getWorksheet("Profile")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Factor", "Reports"]);
    expect(sheet.getCell("B2").value).toBe(1234);
    expect(sheet.getCell("B2").numFmt).toBe("#,##0");
    expect(sheet.getCell("A3").value).toBe("'=2+2");
    expect(sheet.getCell("B3").value).toBe("withheld — fewer than k reports");
    const about = workbook.getWorksheet(ABOUT_SHEET)!;
    const pairs = about
      .getSheetValues()
      .slice(2)
      .map((r) => (r as string[]).slice(1));
    expect(pairs).toEqual(metadataPairs(meta).map(([k, v]) => [k, neutraliseFormula(v)]));
  });

  it("sheet names follow Excel's rules", () => {
    const taken = new Set<string>();
    expect(sheetName("Trends: low light / darkness [quarterly] and more text", taken)).toBe(
      "Trends low light darkness quart",
    );
    expect(sheetName("Trends: low light / darkness [quarterly] and more text", taken)).toBe(
      "Trends low light darkness qua 2",
    );
  });
});
