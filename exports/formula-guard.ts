// Spreadsheet formula injection (CSV/XLSX): a cell that starts with = + - @ tab or CR can be read as a
// formula by Excel, LibreOffice or Google Sheets when the file is opened. Such text gets a leading
// apostrophe (OWASP "CSV Injection"): the spreadsheet shows the text as typed and never evaluates it.
// Numbers are written as numbers, never through this.

const TRIGGER = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}
