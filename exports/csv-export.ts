// CSV files through csv-stringify, streamed: rows are pulled from the source only as fast as the
// response is read, so the full national library is never held in memory. The file starts with the
// metadata block (one "# label,value" record per line); its first line says on which line the table
// starts, so tools can skip the block (pandas: skiprows, R: skip). UTF-8 with a byte order mark (Excel).
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { type ExportCell, cellText } from "../domain/export-table";
import { type ExportMetadata, metadataPairs } from "./export-metadata";
import { neutraliseFormula } from "./formula-guard";

export interface CsvSource {
  meta: ExportMetadata;
  headers: string[];
  rows: Iterable<ExportCell[]> | AsyncIterable<ExportCell[]>;
}

/** Every record of the file: the metadata block, an empty line, the header row, the rows. */
export async function* csvRecords(source: CsvSource): AsyncGenerator<string[]> {
  const pairs = metadataPairs(source.meta);
  const tableLine = pairs.length + 3;
  // No comma in this line, so it is written unquoted and starts with "#" like the rest of the block.
  yield [
    `# Close Call export. The table starts on line ${tableLine}: skip the ${tableLine - 1} lines above it (pandas ` +
      `skiprows=${tableLine - 1}; R skip=${tableLine - 1}).`,
  ];
  for (const [label, value] of pairs) yield [`# ${label}`, neutraliseFormula(value)];
  yield [""];
  yield source.headers.map(neutraliseFormula);
  for await (const row of source.rows) yield row.map((cell) => neutraliseFormula(cellText(cell)));
}

/** The CSV as a byte stream (CRLF line ends, RFC 4180 quoting). */
export function csvStream(source: CsvSource): Readable {
  const records = Readable.from(csvRecords(source), { objectMode: true, highWaterMark: 256 });
  const out = stringify({ bom: true, record_delimiter: "windows" });
  records.on("error", (error) => out.destroy(error));
  out.on("close", () => records.destroy());
  return records.pipe(out);
}
