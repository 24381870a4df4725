import { sql } from "kysely";
import { openDatabase } from "../db/open";
import { readYearCounts } from "../analytics/release-book/book-counts";
import { periodDataFor } from "../analytics/release-book/period-data";
import { suppressYearGroup } from "../analytics/release-book/audit";
import { quarterShift } from "../analytics/release-book/moves";
import { RangeSolver } from "../analytics/release-book/lp-ranges";
import { cellKey, CELL } from "../analytics/release-book/book-layout";
const database = await openDatabase({ location: process.argv[2]! });
const rules = { k: 10, agencyMinReports: 30 };
const counts = await readYearCounts(database.db, 2025);
// agencies with 150-400 linked reports in 2025
const cands = [...counts.byAgency.entries()].map(([id, a]) => ({ id, n: a.linked.reduce((s, c) => s + c[0]!, 0) })).filter((a) => a.n >= 150 && a.n <= 400);
console.log("candidates", cands.length);
const a = cands[0]!;
const info = (await sql<{ size_band: string; census_region: string }>`SELECT size_band, census_region FROM agencies WHERE id = ${a.id}::UUID`.execute(database.db)).rows[0]!;
const plan = [...counts.quarters.map((p) => ({ period: p, frozen: false })), { period: "2025", frozen: false }];
const data = periodDataFor(counts, { id: a.id, sizeBand: info.size_band, region: info.census_region }, plan, rules);
console.log(data.map((d) => `${d.period} n=${d.agency[0]} s=${d.shared[0]} open=${d.gates.agency} matrix=${d.gates.matrix}`).join("\n"));
const { status, stats } = await suppressYearGroup(data, { k: 10 });
console.log(JSON.stringify(stats));
// For Q1 type cells withheld: certificate vs truth
for (let t = 0; t < 18; t++) {
  const x = CELL.incident(t);
  const s = status[0]!.agency[x];
  if (s === null) continue;
  console.log(cellKey(x), "truth", data[0]!.agency[x]! - data[0]!.shared[x]!, "room", data[0]!.regional[x]! - data[0]!.agency[x]!, "shift", quarterShift(data, status, { period: 0, cell: x }), "year status", status[4]!.agency[x], "others", [1, 2, 3].map((q) => status[q]!.agency[x] === null ? "R" : "W").join(""));
}
await database.close();
