import { openDatabase } from "../db/open";
import { runReleaseBookBench } from "../tests/bench/release-book";
const database = await openDatabase({ location: process.argv[2]! });
await runReleaseBookBench(database.db, { year: 2025, today: "2026-12-05", k: 10, agencyMinReports: 30 }, console.log);
await database.close();
export {};
