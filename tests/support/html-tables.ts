// The data tables of a rendered page as their reader sees them: caption, header texts and cell texts
// (tags stripped, entities decoded). Enough for the markup our DataTable writes.
export interface HtmlTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

const entities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#x27": "'",
  "#39": "'",
  nbsp: "\u00a0",
};

export function textOf(html: string): string {
  return html
    .replace(/<!--.*?-->/gs, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x27|#39|amp|lt|gt|quot|nbsp);/g, (_, e: string) => entities[e]!)
    .trim();
}

export function htmlTables(page: string): HtmlTable[] {
  return [...page.matchAll(/<table[^>]*>(.*?)<\/table>/gs)].map((m) => {
    const table = m[1]!;
    const caption = textOf(/<caption[^>]*>(.*?)<\/caption>/s.exec(table)?.[1] ?? "");
    const headers = [...(/<thead>(.*?)<\/thead>/s.exec(table)?.[1] ?? "").matchAll(/<th[^>]*>(.*?)<\/th>/gs)].map((h) =>
      textOf(h[1]!),
    );
    const body = /<tbody>(.*?)<\/tbody>/s.exec(table)?.[1] ?? "";
    const rows = [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((r) =>
      [...r[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => textOf(c[1]!)),
    );
    return { caption, headers, rows };
  });
}
