import { openDatabase } from "../db/open";
import { releaseBook } from "../analytics/release-book/release-job";
import { sql } from "kysely";
import { lpTiming } from "../analytics/release-book/lp-ranges";
const [dbPath, year] = process.argv.slice(2);
const database = await openDatabase({ location: dbPath! });
await sql`DELETE FROM release_book_cells`.execute(database.db);
await sql`DELETE FROM release_book_releases`.execute(database.db);
await sql`INSERT INTO app_meta VALUES ('release_book_first_quarter', ${year + "-Q1"}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(database.db);
for (const q of [1, 2, 3, 4]) {
  const before = { ...lpTiming };
  const s = await releaseBook(database.db, { today: "2026-12-05", rules: { k: 10, agencyMinReports: 30 }, upTo: `${year}-Q${q}` });
  console.log(`${year}-Q${q}: ${s.releases} releases in ${s.seconds.toFixed(1)} s; LP ${lpTiming.solves - before.solves} solves ${((lpTiming.millis - before.millis) / 1000).toFixed(1)} s; complements ${s.complements}`);
}
await database.close();
