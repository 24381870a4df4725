import { openDatabase } from "../db/open";
import { releaseBook } from "../analytics/release-book/release-job";
const [dbPath, today, upTo] = process.argv.slice(2);
const database = await openDatabase({ location: dbPath! });
const summary = await releaseBook(database.db, { today: today ?? "2026-12-05", rules: { k: 10, agencyMinReports: 30 }, upTo, log: console.log });
console.log(JSON.stringify({ ...summary, years: undefined }));
await database.close();
