import { sql } from "kysely";
import { openDatabase } from "../db/open";
import { releaseBook } from "../analytics/release-book/release-job";
const database = await openDatabase({ location: process.argv[2]! });
const rules = { k: 10, agencyMinReports: 30 };
if (process.argv[3] === "prepare") {
  await sql`DELETE FROM release_book_cells`.execute(database.db);
  await sql`DELETE FROM release_book_releases`.execute(database.db);
  await sql`INSERT INTO app_meta (key, value) VALUES ('release_book_first_quarter', '2025-Q1') ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(database.db);
  await releaseBook(database.db, { today: "2026-12-05", rules, upTo: "2025-Q3" });
} else {
  const s = await releaseBook(database.db, { today: "2026-12-05", rules, upTo: "2025-Q4" });
  console.log(`Q4: ${s.seconds.toFixed(1)} s, ${s.lpSolves} LPs`);
}
await database.close();
if (process.env.BOOK_STATS) console.log([...(await import("../analytics/release-book/audit")).individualStats].sort((a, b) => b[1] - a[1]));
