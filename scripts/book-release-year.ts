import { openDatabase } from "../db/open";
import { releaseBook } from "../analytics/release-book/release-job";
import { sql } from "kysely";
const [dbPath, upTo] = process.argv.slice(2);
const database = await openDatabase({ location: dbPath! });
// Release only the given year's quarters (pretend the book starts there).
await sql`DELETE FROM release_book_cells`.execute(database.db);
await sql`DELETE FROM release_book_releases`.execute(database.db);
await sql`INSERT INTO app_meta VALUES ('release_book_first_quarter', ${upTo!.slice(0, 4) + "-Q1"}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(database.db);
const t = performance.now();
const summary = await releaseBook(database.db, { today: "2026-12-05", rules: { k: 10, agencyMinReports: 30 }, upTo, log: console.log });
console.log(JSON.stringify({ ...summary, years: undefined }), ((performance.now() - t) / 1000).toFixed(1));
await database.close();
if (process.env.BOOK_STATS) console.log([...(await import("../analytics/release-book/audit")).individualStats].sort((a, b) => b[1] - a[1]));
console.log(JSON.stringify((await import("../analytics/release-book/lp-ranges")).lpTiming));
console.log([...(await import("../analytics/release-book/audit")).individualStats].sort((a, b) => b[1] - a[1]));
