import { sql } from "kysely";
import { openDatabase } from "../db/open";
import { releaseBook } from "../analytics/release-book/release-job";
import { readBookTables } from "../analytics/release-book/book-store";
import { CELL, cellKey } from "../analytics/release-book/book-layout";
import { factors } from "../db/taxonomy/index";
const [dbPath] = process.argv.slice(2);
const database = await openDatabase({ location: dbPath! });
await sql`DELETE FROM release_book_cells`.execute(database.db);
await sql`DELETE FROM release_book_releases`.execute(database.db);
await sql`DELETE FROM app_meta WHERE key = 'release_book_first_quarter'`.execute(database.db);
const t = performance.now();
const s = await releaseBook(database.db, { today: "2026-12-05", rules: { k: 10, agencyMinReports: 30 }, log: console.log });
console.log(`released ${s.releases} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
for (const name of ["Metro City Police Department", "Harbor County Sheriff's Office"]) {
  const a = (await sql<{ id: string }>`SELECT id::VARCHAR AS id FROM agencies WHERE name = ${name}`.execute(database.db)).rows[0]!;
  const tables = await readBookTables(database.db, a.id);
  const years = tables.filter((x) => x.population === "agency" && !x.period.includes("Q")).sort((x, y) => x.period.localeCompare(y.period));
  let eligible = 0, released = 0;
  for (const y of years) {
    const rows = factors.map((f, i) => ({ f: f.code, c: y.cells[CELL.factor(i)]! }));
    const n = y.cells[CELL.total];
    const big = rows.filter((r) => typeof r.c === "number" ? r.c >= 10 : true);
    console.log(`${name} ${y.period}: n=${n} released factors ${rows.filter((r) => typeof r.c === "number").length}/37; top: ${rows.filter((r) => typeof r.c === "number").sort((p, q) => (q.c as number) - (p.c as number)).slice(0, 5).map((r) => `${r.f}=${r.c}`).join(" ")}`);
  }
  const quarters = tables.filter((x) => x.population === "agency" && x.period.includes("Q")).sort((x, y) => x.period.localeCompare(y.period));
  console.log("  quarters:", quarters.map((q) => `${q.period}=${q.cells[0]}`).join(" "));
}
await database.close();
