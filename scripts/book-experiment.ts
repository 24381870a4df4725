import { sql } from "kysely";
import { openDatabase } from "../db/open";
import { readYearCounts } from "../analytics/release-book/book-counts";
import { periodDataFor } from "../analytics/release-book/period-data";
import { suppressYearGroup } from "../analytics/release-book/audit";
import { CELL } from "../analytics/release-book/book-layout";
import { factors } from "../db/taxonomy/index";

const [dbPath, yearArg, limitArg] = process.argv.slice(2);
const database = await openDatabase({ location: dbPath! });
const year = Number(yearArg ?? 2025);
const agencies = (await sql<{ id: string; size_band: string; census_region: string; name: string }>`SELECT id::VARCHAR AS id, size_band, census_region, name FROM agencies WHERE status='active' ORDER BY name`.execute(database.db)).rows;
let t0 = performance.now();
const counts = await readYearCounts(database.db, year);
console.log(`counts ${(performance.now() - t0).toFixed(0)} ms, agencies with reports ${counts.byAgency.size}`);
const plan = [...counts.quarters.map((p) => ({ period: p, frozen: false })), { period: String(year), frozen: false }];
const rules = { k: 10, agencyMinReports: 30 };
const list = limitArg ? agencies.filter((a, i) => a.name.startsWith("Metro") || a.name.startsWith("Harbor") || i % Math.round(1 / Number(limitArg)) === 0) : agencies;
t0 = performance.now();
let solves = 0, comps = 0, unprot = 0, open = 0;
const slow: [string, number, number][] = [];
for (const a of list) {
  const t = performance.now();
  const data = periodDataFor(counts, { id: a.id, sizeBand: a.size_band, region: a.census_region }, plan, rules);
  const { status, stats } = await suppressYearGroup(data, rules);
  solves += stats.lpSolves; comps += stats.complements; unprot += stats.unprotectable;
  if (data[4]!.gates.agency) open++;
  const ms = performance.now() - t;
  slow.push([a.name, ms, stats.lpSolves]);
  if (a.name.startsWith("Metro") || a.name.startsWith("Harbor")) {
    const y = data[4]!;
    const cited = factors.map((f, i) => ({ f: f.code, n: y.agency[CELL.factor(i)]!, s: status[4]!.agency[CELL.factor(i)] }));
    const eligible = cited.filter((c) => c.n >= rules.k);
    console.log(`${a.name}: year n=${y.agency[0]} shared=${y.shared[0]} gate=${y.gates.agency}; factors cited ≥k: ${eligible.length}, released ${eligible.filter((c) => c.s === null).length}; stats ${JSON.stringify(stats)} ${ms.toFixed(0)} ms`);
    console.log("  top:", cited.sort((x, z) => z.n - x.n).slice(0, 8).map((c) => `${c.f}=${c.n}${c.s ? "(" + c.s + ")" : ""}`).join(" "));
    const q = data.slice(0, 4).map((d, i) => `${d.period}:${d.agency[0]}${status[i]!.agency[0] ? "W" : ""}`).join(" ");
    console.log("  quarters", q);
  }
}
const total = performance.now() - t0;
slow.sort((x, y) => y[1] - x[1]);
console.log(`agencies ${list.length}, open ${open}, total ${(total / 1000).toFixed(1)} s, LP solves ${solves}, complements ${comps}, unprotectable ${unprot}`);
console.log("slowest", slow.slice(0, 5).map(([n, ms, s]) => `${n} ${ms.toFixed(0)}ms/${s}`).join("; "));
if (process.env.BOOK_STATS) console.log([...(await import("../analytics/release-book/audit")).individualStats].sort((a, b) => b[1] - a[1]).slice(0, 20));
await database.close();
